package dev.runbookshell.journal.shipping;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON message that carries a journal line through syslog, and back. A line that fits is the event itself,
 * as structured JSON and byte for byte, inside {@code {"journal":"<file name>","event":<the line>}}; a longer one
 * is cut into parts {@code {"journal":..,"seq":N,"part":K,"parts":P,"text":"<slice of the line>"}} so no message
 * outgrows what a syslog server takes (rsyslog's default is 8 KiB); a signature is
 * {@code {"journal":..,"lines":N,"signature":"<.sig text>"}}.
 */
final class ShipEnvelope {

	/** Every message starts so: how a shipped message is found in a syslog server's file. */
	static final String MARK = "{\"journal\":";

	private static final String EVENT = ",\"event\":";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private ShipEnvelope() {
	}

	/** The messages for {@code shipment}, each at most {@code maxBytes} of UTF-8. */
	static List<String> messages(String journal, Shipment shipment, int maxBytes) {
		String name = quote(journal);
		if (shipment instanceof Shipment.Signature signature) {
			return List.of(MARK + name + ",\"lines\":" + signature.lines() + ",\"signature\":"
					+ quote(signature.armored()) + "}");
		}
		Shipment.Line line = (Shipment.Line) shipment;
		String text = new String(line.bytes(), StandardCharsets.UTF_8);
		String whole = MARK + name + EVENT + text + "}";
		if (whole.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
			return List.of(whole);
		}
		List<String> slices = slices(text, maxBytes - name.length() - 96);
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < slices.size(); i++) {
			parts.add(MARK + name + ",\"seq\":" + line.seq() + ",\"part\":" + (i + 1) + ",\"parts\":" + slices.size()
					+ ",\"text\":" + quote(slices.get(i)) + "}");
		}
		return parts;
	}

	/** A message as read back; the kind tells which fields are set. */
	record Received(String journal, Kind kind, long seq, int part, int parts, byte[] line, String text, int lines,
			String signature) {

		enum Kind {
			LINE, PART, SIGNATURE
		}

	}

	/**
	 * The message that starts at {@code start} of a syslog file's line (its bytes as ISO-8859-1 characters), or
	 * null when it is not one of ours or is damaged (cut by the server, say).
	 */
	static Received read(String latin1, int start) {
		String message = latin1.substring(start).stripTrailing();
		byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
		JsonNode node;
		try {
			node = JSON.readTree(bytes);
		}
		catch (java.io.IOException ex) {
			return null;
		}
		if (node == null || !node.isObject() || !node.path("journal").isTextual()) {
			return null;
		}
		String journal = node.get("journal").asText();
		if (node.has("event")) {
			int from = message.indexOf(EVENT) + EVENT.length();
			if (from < EVENT.length() || !message.endsWith("}")) {
				return null;
			}
			byte[] line = message.substring(from, message.length() - 1).getBytes(StandardCharsets.ISO_8859_1);
			return new Received(journal, Received.Kind.LINE, node.get("event").path("seq").asLong(), 0, 0, line, null,
					0, null);
		}
		if (node.has("signature")) {
			return new Received(journal, Received.Kind.SIGNATURE, 0, 0, 0, null, null, node.path("lines").asInt(),
					node.get("signature").asText());
		}
		if (node.has("text")) {
			return new Received(journal, Received.Kind.PART, node.path("seq").asLong(), node.path("part").asInt(),
					node.path("parts").asInt(), null, node.get("text").asText(), 0, null);
		}
		return null;
	}

	/** Cuts {@code text} into slices whose JSON string forms each stay within {@code budget} bytes. */
	private static List<String> slices(String text, int budget) {
		List<String> slices = new ArrayList<>();
		int start = 0;
		int size = 0;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			int cost = escapedSize(codePoint);
			if (size + cost > budget && i > start) {
				slices.add(text.substring(start, i));
				start = i;
				size = 0;
			}
			size += cost;
			i += Character.charCount(codePoint);
		}
		slices.add(text.substring(start));
		return slices;
	}

	/** Bytes a code point takes inside a JSON string as Jackson writes it. */
	private static int escapedSize(int c) {
		if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
			return 2;
		}
		if (c < 0x20) {
			return 6;
		}
		return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
	}

	private static String quote(String text) {
		try {
			return JSON.writeValueAsString(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a string always encodes", ex);
		}
	}

}
