package dev.runbookshell.runbook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.runbookshell.targets.TargetDefinition;

/**
 * Cuts the leading {@code ---} ... {@code ---} block off a runbook and reads it as YAML. Errors carry the line
 * in the FILE: Jackson's location inside the YAML plus the lines before it.
 */
final class FrontMatterReader {

	private static final YAMLMapper YAML = new YAMLMapper();

	private final String file;

	private final List<String> yamlLines;

	/** File line of the first YAML line (the line after the opening {@code ---}). */
	private static final int FIRST_YAML_LINE = 2;

	private FrontMatterReader(String file, List<String> yamlLines) {
		this.file = file;
		this.yamlLines = yamlLines;
	}

	/**
	 * The number of lines the front matter occupies, delimiters included; 0 when the text has none. A leading
	 * {@code ---} without a closing {@code ---} or {@code ...} is a thematic break, not front matter.
	 */
	static int lineCount(List<String> lines) {
		if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
			return 0;
		}
		for (int i = 1; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.equals("---") || line.equals("...")) {
				return i + 1;
			}
		}
		return 0;
	}

	static FrontMatter read(String file, List<String> lines) throws RunbookParseException {
		int count = lineCount(lines);
		if (count == 0) {
			return FrontMatter.EMPTY;
		}
		return new FrontMatterReader(file, lines.subList(1, count - 1)).read();
	}

	private FrontMatter read() throws RunbookParseException {
		JsonNode root;
		try {
			root = YAML.readTree(String.join("\n", this.yamlLines));
		}
		catch (JsonProcessingException ex) {
			int yamlLine = ex.getLocation() != null ? Math.max(ex.getLocation().getLineNr(), 1) : 1;
			throw new RunbookParseException(this.file, FIRST_YAML_LINE - 1 + yamlLine,
					"invalid YAML front matter: " + summary(ex.getOriginalMessage()), ex);
		}
		if (root == null || root.isMissingNode() || root.isNull()) {
			return FrontMatter.EMPTY;
		}
		if (!root.isObject()) {
			throw error(FIRST_YAML_LINE, "front matter must be a mapping (title:, targets:, variables: ...), not "
					+ kind(root));
		}
		Map<String, List<String>> groups = new LinkedHashMap<>();
		return new FrontMatter(text(root, "title"), targets(root.get("targets"), groups),
				text(root, "default-target"), variables(root.get("variables")), env(root.get("env")),
				text(root, "shell"), timeout(root.get("timeout")), groups);
	}

	/** The targets; an entry whose value is a list of names is a group, put in {@code groups}. */
	private Map<String, TargetDefinition> targets(JsonNode node, Map<String, List<String>> groups)
			throws RunbookParseException {
		Map<String, TargetDefinition> targets = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : entries(node, "targets")) {
			String name = entry.getKey();
			JsonNode value = entry.getValue();
			if (value.isArray()) {
				List<String> members = new ArrayList<>();
				for (JsonNode member : value) {
					if (!member.isValueNode() || member.isNull() || member.asText().isBlank()) {
						throw error(lineOf(name), "target group '" + name + "' lists target names, not " + kind(member));
					}
					members.add(member.asText().trim());
				}
				groups.put(name, members);
				continue;
			}
			if (value.isValueNode() && !value.isNull()) {
				targets.put(name, new TargetDefinition(name, value.asText(), Map.of()));
				continue;
			}
			if (!value.isObject() || !value.hasNonNull("uri")) {
				throw error(lineOf(name), "target '" + name + "' needs a uri (local, ssh://user@host, docker://name)");
			}
			Map<String, String> options = new LinkedHashMap<>();
			value.fields().forEachRemaining(e -> {
				if (!e.getKey().equals("uri")) {
					options.put(e.getKey(), scalar(e.getValue()));
				}
			});
			targets.put(name, new TargetDefinition(name, value.get("uri").asText(), options));
		}
		return targets;
	}

	private Map<String, VariableSpec> variables(JsonNode node) throws RunbookParseException {
		Map<String, VariableSpec> variables = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : entries(node, "variables")) {
			String name = entry.getKey();
			JsonNode value = entry.getValue();
			if (value.isNull() || value.isValueNode()) {
				variables.put(name, new VariableSpec(name, value.isNull() ? null : value.asText(), null, false, null));
				continue;
			}
			if (!value.isObject()) {
				throw error(lineOf(name), "variable '" + name + "' must be a value or {default, prompt, secret, pattern}");
			}
			String pattern = text(value, "pattern");
			if (pattern != null) {
				try {
					java.util.regex.Pattern.compile(pattern);
				}
				catch (java.util.regex.PatternSyntaxException ex) {
					throw error(lineOf(name), "variable '" + name + "': pattern is not a valid regular expression: "
							+ ex.getDescription());
				}
			}
			JsonNode secret = value.get("secret");
			boolean isSecret = secret != null && (secret.asBoolean(false) || secret.asText().equalsIgnoreCase("yes"));
			variables.put(name, new VariableSpec(name, text(value, "default"), text(value, "prompt"), isSecret, pattern));
		}
		return variables;
	}

	private Map<String, String> env(JsonNode node) throws RunbookParseException {
		Map<String, String> env = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : entries(node, "env")) {
			env.put(entry.getKey(), entry.getValue().isNull() ? "" : scalar(entry.getValue()));
		}
		return env;
	}

	private Duration timeout(JsonNode node) throws RunbookParseException {
		if (node == null || node.isNull()) {
			return null;
		}
		try {
			if (!node.isValueNode()) {
				throw new IllegalArgumentException("not a duration: " + node);
			}
			return DurationText.parse(node.asText());
		}
		catch (IllegalArgumentException ex) {
			throw error(lineOf("timeout"), "bad timeout: " + ex.getMessage());
		}
	}

	private List<Map.Entry<String, JsonNode>> entries(JsonNode node, String key) throws RunbookParseException {
		List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
		if (node == null || node.isNull()) {
			return entries;
		}
		if (!node.isObject()) {
			throw error(lineOf(key), "'" + key + "' must be a mapping of name to value, not " + kind(node));
		}
		node.fields().forEachRemaining(entries::add);
		return entries;
	}

	private static String text(JsonNode node, String key) {
		JsonNode value = node.get(key);
		return value == null || value.isNull() ? null : scalar(value);
	}

	private static String scalar(JsonNode value) {
		return value.isValueNode() ? value.asText() : value.toString();
	}

	private static String kind(JsonNode node) {
		return node.isArray() ? "a list" : "a single value '" + node.asText() + "'";
	}

	/** File line of the first YAML line that defines {@code key}; the opening fence line when not found. */
	private int lineOf(String key) {
		String prefix = key + ":";
		for (int i = 0; i < this.yamlLines.size(); i++) {
			String line = this.yamlLines.get(i).strip();
			if (line.startsWith(prefix) || line.startsWith("\"" + key + "\":") || line.startsWith("'" + key + "':")) {
				return FIRST_YAML_LINE + i;
			}
		}
		return 1;
	}

	private RunbookParseException error(int line, String message) {
		return new RunbookParseException(this.file, line, message);
	}

	/** Jackson's YAML messages quote the source with carets over several lines; keep only the sentences. */
	private static String summary(String message) {
		List<String> kept = new ArrayList<>();
		for (String line : String.valueOf(message).split("\n")) {
			if (!line.isBlank() && !line.startsWith(" ") && !line.startsWith("\t")) {
				kept.add(line.strip());
			}
		}
		return kept.isEmpty() ? String.valueOf(message).strip() : String.join("; ", kept);
	}

}
