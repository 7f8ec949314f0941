package dev.runbookshell.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The line of each key of an answers file, so that a bad value is named {@code answers.yaml:3}: the tree the file
 * is read into keeps no lines.
 *
 * @param lines 1-based line of each key, by its JSON pointer ({@code /blocks/2.1})
 */
record AnswersFileLines(Map<String, Integer> lines) {

	AnswersFileLines {
		lines = Map.copyOf(lines);
	}

	/** Reads the key lines of YAML that already parsed as a tree (so a second read does not fail). */
	static AnswersFileLines of(String yaml) {
		Map<String, Integer> lines = new HashMap<>();
		try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.FIELD_NAME) {
					lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
							parser.currentTokenLocation().getLineNr());
				}
			}
		}
		catch (IOException ex) {
			// only the lines are lost: the message still names the file and the key
		}
		return new AnswersFileLines(lines);
	}

	/** {@code file:line} of the key at {@code path} (top-level key, then keys under it), or the file alone. */
	String at(Path file, String... path) {
		JsonPointer pointer = JsonPointer.empty();
		for (String key : path) {
			pointer = pointer.appendProperty(key);
		}
		Integer line = this.lines.get(pointer.toString());
		return line == null ? file.toString() : file + ":" + line;
	}

}
