package dev.runbookshell.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import dev.runbookshell.session.Decision;

/** Reads and (atomically: a whole file or the previous one) writes a {@link FleetIndex}. */
public final class FleetIndexFile {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
		.registerModule(new SimpleModule().addSerializer(HostState.class, new JsonSerializer<>() {
			@Override
			public void serialize(HostState value, JsonGenerator gen, SerializerProvider provider) throws IOException {
				gen.writeString(value.wire());
			}
		}).addDeserializer(HostState.class, new JsonDeserializer<>() {
			@Override
			public HostState deserialize(JsonParser parser, DeserializationContext context) throws IOException {
				return HostState.fromWire(parser.getValueAsString());
			}
		}).addSerializer(Decision.Choice.class, new JsonSerializer<>() {
			@Override
			public void serialize(Decision.Choice value, JsonGenerator gen, SerializerProvider provider)
					throws IOException {
				gen.writeString(value.wire());
			}
		}).addDeserializer(Decision.Choice.class, new JsonDeserializer<>() {
			@Override
			public Decision.Choice deserialize(JsonParser parser, DeserializationContext context) throws IOException {
				return Decision.Choice.fromWire(parser.getValueAsString());
			}
		}));

	private FleetIndexFile() {
	}

	/** Whether {@code file} is a fleet index (not a journal): a JSON object whose kind says so. */
	public static boolean isIndex(Path file) {
		if (!Files.isRegularFile(file) || !file.getFileName().toString().endsWith(".json")) {
			return false;
		}
		try {
			return FleetIndex.KIND.equals(JSON.readTree(file.toFile()).path("kind").asText());
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** @throws FleetException when {@code file} is no fleet index */
	public static FleetIndex read(Path file) {
		try {
			FleetIndex index = JSON.readValue(file.toFile(), FleetIndex.class);
			if (!FleetIndex.KIND.equals(index.kind())) {
				throw new FleetException(file + ": not a fleet index (kind " + index.kind() + ")");
			}
			return index;
		}
		catch (IOException ex) {
			throw new FleetException(file + ": not a fleet index (" + ex.getMessage().lines().findFirst().orElse("")
					+ ")", ex);
		}
	}

	static void write(Path file, FleetIndex index) {
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			JSON.writeValue(temporary.toFile(), index);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new FleetException(file + ": cannot write the fleet index (" + ex.getMessage() + ")", ex);
		}
	}

	/** A host's journal as the index names it, resolved against the index's folder. */
	public static Path journal(Path indexFile, FleetIndex.Host host) {
		return host.journal() == null ? null
				: indexFile.toAbsolutePath().getParent().resolve(host.journal()).normalize();
	}

}
