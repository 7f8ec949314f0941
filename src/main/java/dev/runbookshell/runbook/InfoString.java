package dev.runbookshell.runbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Splits a fence's info string into its language and annotations. Accepts Runme's {@code {key=value k="a b"}},
 * JSON {@code {"key": "value"}} and Runme's brace-less {@code bash name=x}. Text that is not an annotation is
 * reported in {@link #problems}, never thrown: one bad key must not lose the whole block.
 *
 * @param language the first word, before whitespace or '{', lower-cased; "" when none
 * @param annotations what parsed
 * @param problems one message per piece of text that did not parse
 */
record InfoString(String language, Annotations annotations, List<String> problems) {

	private static final ObjectMapper JSON = new ObjectMapper();

	static InfoString parse(String info) {
		String text = info == null ? "" : info.trim();
		int end = 0;
		while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '{') {
			end++;
		}
		String language = text.substring(0, end).toLowerCase(Locale.ROOT);
		String rest = text.substring(end).trim();
		Map<String, String> values = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		if (rest.startsWith("{")) {
			if (!parseJson(rest, values)) {
				String body = rest.substring(1);
				if (body.endsWith("}")) {
					body = body.substring(0, body.length() - 1);
				}
				else {
					problems.add("annotation braces not closed in '" + rest + "'");
				}
				parsePairs(body, values, problems);
			}
		}
		else if (rest.contains("=")) {
			parsePairs(rest, values, problems);
		}
		return new InfoString(language, new Annotations(values), problems);
	}

	private static boolean parseJson(String rest, Map<String, String> values) {
		String inner = rest.substring(1).trim();
		if (!inner.startsWith("\"") && !inner.startsWith("}")) {
			return false;
		}
		try {
			JsonNode node = JSON.readTree(rest);
			if (node == null || !node.isObject()) {
				return false;
			}
			node.fields().forEachRemaining(e -> values.put(e.getKey(),
					e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
			return true;
		}
		catch (JsonProcessingException ex) {
			return false;
		}
	}

	/** {@code key=value key2="a b" key3='c'}; keeps every pair that parses. */
	private static void parsePairs(String body, Map<String, String> values, List<String> problems) {
		int i = 0;
		int n = body.length();
		while (i < n) {
			while (i < n && (Character.isWhitespace(body.charAt(i)) || body.charAt(i) == ',')) {
				i++;
			}
			if (i >= n) {
				break;
			}
			int keyStart = i;
			while (i < n && isKeyChar(body.charAt(i))) {
				i++;
			}
			String key = body.substring(keyStart, i);
			if (key.isEmpty() || i >= n || body.charAt(i) != '=') {
				int wordEnd = i;
				while (wordEnd < n && !Character.isWhitespace(body.charAt(wordEnd))) {
					wordEnd++;
				}
				problems.add("'" + body.substring(keyStart, Math.max(wordEnd, keyStart + 1)) + "' is not key=value");
				i = Math.max(wordEnd, keyStart + 1);
				continue;
			}
			i++;
			StringBuilder value = new StringBuilder();
			if (i < n && (body.charAt(i) == '"' || body.charAt(i) == '\'')) {
				char quote = body.charAt(i++);
				while (i < n && body.charAt(i) != quote) {
					if (body.charAt(i) == '\\' && quote == '"' && i + 1 < n) {
						i++;
					}
					value.append(body.charAt(i++));
				}
				if (i >= n) {
					problems.add("unterminated quote in value of '" + key + "'");
				}
				i++;
			}
			else if (i < n && body.charAt(i) == '/') {
				// expect=/a regex with spaces/ ends at a slash followed by a space or the end
				int end = i + 1;
				while (end < n && !(body.charAt(end) == '/' && (end + 1 == n || Character.isWhitespace(body.charAt(end + 1))))) {
					end++;
				}
				value.append(body, i, Math.min(end + 1, n));
				i = end + 1;
			}
			else {
				while (i < n && !Character.isWhitespace(body.charAt(i))) {
					value.append(body.charAt(i++));
				}
			}
			values.putIfAbsent(key, value.toString());
		}
	}

	private static boolean isKeyChar(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
	}

}
