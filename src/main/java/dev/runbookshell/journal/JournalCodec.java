package dev.runbookshell.journal;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.NameTransformer;

/**
 * Turns a journal event into its JSON line and back. A line is {@code seq}, {@code at}, {@code type},
 * {@code prev}, then the event's record components in declaration order; null components are omitted; states
 * (block status, decision choice, mode, check, session status) are written in their wire form ({@code timed-out},
 * see {@link WireName}). The bytes of a line depend only on the entry, so
 * the hash chain computed over them is stable. Thread-safe.
 */
public final class JournalCodec {

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Map<String, Class<? extends JournalEvent>> TYPES = Map.of("session-started",
			JournalEvent.SessionStarted.class, "decision", JournalEvent.Decision.class, "block-started",
			JournalEvent.BlockStarted.class, "block-finished", JournalEvent.BlockFinished.class, "variable-set",
			JournalEvent.VariableSet.class, "check", JournalEvent.Check.class, "note", JournalEvent.Note.class,
			"session-resumed", JournalEvent.SessionResumed.class, "session-finished",
			JournalEvent.SessionFinished.class);

	/**
	 * Never updated, only cloned: a clone is a fresh digest at a fraction of the cost of the provider look-up of
	 * {@link MessageDigest#getInstance}, and every journal line is hashed.
	 */
	private static final MessageDigest SHA256 = newSha256();

	private final ObjectMapper mapper;

	/** The line serializer, found once. */
	private final ObjectWriter lines;

	/**
	 * The generator of {@link #encode} and the text it writes to, reused line after line (guarded by this): making
	 * them anew took a fifth of the time of encoding a short line.
	 */
	private final StringWriter text = new StringWriter(256);

	private JsonGenerator generator;

	public JournalCodec() {
		this.mapper = JsonMapper.builder()
			.serializationInclusion(JsonInclude.Include.NON_NULL)
			.disable(SerializationFeature.INDENT_OUTPUT)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
			.addModule(new SimpleModule("journal-line").addSerializer(JournalEntry.class, new LineSerializer()))
			.build();
		this.lines = this.mapper.writerFor(JournalEntry.class);
	}

	/** The exact line for an entry, without its newline. */
	public synchronized String encode(JournalEntry entry) {
		// As text, then UTF-8: Jackson's own UTF-8 writer escapes characters beyond the BMP (an emoji) where lines
		// always had them as they are.
		boolean complete = false;
		try {
			if (this.generator == null) {
				this.generator = this.mapper.createGenerator(this.text);
				this.generator.setRootValueSeparator(null); // one line each, not values one after another
			}
			this.lines.writeValue(this.generator, entry);
			this.generator.flush();
			complete = true;
			return this.text.toString();
		}
		catch (IOException ex) {
			throw new JournalException("cannot encode a " + entry.event().type() + " event: " + ex.getMessage(), ex);
		}
		finally {
			if (!complete) {
				this.generator = null; // left in the middle of a line, whatever was thrown
			}
			this.text.getBuffer().setLength(0);
		}
	}

	/** The exact line for an entry as UTF-8, without its newline: the bytes the hash chain covers. */
	public byte[] encodeBytes(JournalEntry entry) {
		return utf8(encode(entry));
	}

	/**
	 * Parses one line. Throws {@link JournalException} with a short reason (no file name: the caller adds it).
	 */
	public JournalEntry decode(String text, int lineNumber) {
		JsonNode node;
		try {
			node = this.mapper.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new JournalException("bad JSON: " + ex.getOriginalMessage());
		}
		if (node == null || !node.isObject()) {
			throw new JournalException("bad JSON: not an object");
		}
		ObjectNode fields = (ObjectNode) node.deepCopy();
		JsonNode seq = fields.remove("seq");
		JsonNode at = fields.remove("at");
		JsonNode type = fields.remove("type");
		JsonNode prev = fields.remove("prev");
		if (seq == null || !seq.canConvertToLong() || at == null || type == null || prev == null) {
			throw new JournalException("missing seq, at, type or prev");
		}
		Class<? extends JournalEvent> kind = TYPES.get(type.asText());
		if (kind == null) {
			throw new JournalException("unknown event type '" + type.asText() + "'");
		}
		try {
			JournalEvent event = this.mapper.treeToValue(fields, kind);
			return new JournalEntry(seq.asLong(), parseInstant(at.asText()), prev.asText(), event, lineNumber);
		}
		catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException ex) {
			throw new JournalException("bad " + type.asText() + " event: " + ex.getMessage());
		}
	}

	/** The JSON mapper the codec uses, configured the same way (for reports that write JSON). */
	public ObjectMapper mapper() {
		return this.mapper;
	}

	/** ISO-8601 UTC with milliseconds: {@code 2025-03-01T02:00:00.000Z}. */
	public static String formatInstant(Instant instant) {
		LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
		if (utc.getYear() < 1000 || utc.getYear() > 9999) {
			return AT.format(instant.truncatedTo(ChronoUnit.MILLIS)); // the pattern's rules for era and sign
		}
		// the same text as AT, written directly: AT's general machinery costs more than the rest of a short line
		StringBuilder text = new StringBuilder(24).append(utc.getYear());
		digits(text.append('-'), utc.getMonthValue(), 2);
		digits(text.append('-'), utc.getDayOfMonth(), 2);
		digits(text.append('T'), utc.getHour(), 2);
		digits(text.append(':'), utc.getMinute(), 2);
		digits(text.append(':'), utc.getSecond(), 2);
		digits(text.append('.'), instant.getNano() / 1_000_000, 3);
		return text.append('Z').toString();
	}

	/** Appends {@code value} zero-padded to {@code width} (2 or 3) digits. */
	private static void digits(StringBuilder text, int value, int width) {
		if (width == 3 && value < 100) {
			text.append('0');
		}
		if (value < 10) {
			text.append('0');
		}
		text.append(value);
	}

	public static Instant parseInstant(String text) {
		return Instant.parse(text);
	}

	/** Lower-case hex sha256 of a line's exact bytes (without its newline): the next line's {@code prev}. */
	public static String sha256(byte[] line) {
		return sha256(line, 0, line.length);
	}

	public static String sha256(byte[] bytes, int offset, int length) {
		MessageDigest digest = sha256();
		digest.update(bytes, offset, length);
		return HexFormat.of().formatHex(digest.digest());
	}

	/** A fresh SHA-256 digest, for what is hashed piece by piece. */
	public static MessageDigest sha256() {
		try {
			return (MessageDigest) SHA256.clone();
		}
		catch (CloneNotSupportedException ex) {
			return newSha256();
		}
	}

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Streams a line straight to the generator: the header, then the event's own fields as Jackson serializes the
	 * record (unwrapped into the same object), instead of building a tree of the event and then writing the tree.
	 */
	private static final class LineSerializer extends StdSerializer<JournalEntry> {

		private final Map<Class<?>, JsonSerializer<Object>> fields = new ConcurrentHashMap<>();

		LineSerializer() {
			super(JournalEntry.class);
		}

		@Override
		public void serialize(JournalEntry entry, JsonGenerator generator, SerializerProvider provider)
				throws IOException {
			JournalEvent event = entry.event();
			generator.writeStartObject();
			generator.writeNumberField("seq", entry.seq());
			generator.writeStringField("at", formatInstant(entry.at()));
			generator.writeStringField("type", event.type());
			generator.writeStringField("prev", entry.prev());
			JsonSerializer<Object> body = this.fields.get(event.getClass());
			if (body == null) {
				body = provider.findValueSerializer(event.getClass()).unwrappingSerializer(NameTransformer.NOP);
				this.fields.put(event.getClass(), body);
			}
			body.serialize(event, generator, provider);
			generator.writeEndObject();
		}

	}

}
