package dev.runbookshell.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ChecklistItem;
import dev.runbookshell.runbook.Runbook;

/**
 * {@code --answers FILE}: decisions written down in advance.
 *
 * <pre>
 * default: run            # run | skip | stop, for blocks not listed
 * blocks:
 *   2.1: skip             # by id or name: run | skip | stop | {edit: "new text"}
 *   backup-db: run
 * variables:
 *   DB_HOST: db1.internal
 * checks: unverified      # all (ticked) | none (refused) | unverified
 * on-failure: stop        # stop | ignore | rollback
 * on-unknown: stop        # rerun | skip | stop, for a block whose outcome is unknown
 * </pre>
 *
 * Risky blocks listed or defaulted to {@code run} run without typing the target's name (noted in the journal). A
 * block annotated {@code excludeFromRunAll} runs only when it is listed.
 */
public final class AnswersConfirmer extends AutoConfirmer {

	private static final Set<String> KEYS = Set.of("default", "blocks", "variables", "checks", "on-failure",
			"on-unknown");

	private final Decision fallback;

	private final Map<String, Decision> blocks;

	private final Map<String, String> variables;

	private final CheckResult checks;

	private final Decision onFailure;

	private final OnUnknown onUnknown;

	private AnswersConfirmer(Decision fallback, Map<String, Decision> blocks, Map<String, String> variables,
			CheckResult checks, Decision onFailure, OnUnknown onUnknown) {
		this.fallback = fallback;
		this.blocks = blocks;
		this.variables = variables;
		this.checks = checks;
		this.onFailure = onFailure;
		this.onUnknown = onUnknown;
	}

	/**
	 * Reads and checks an answers file against the runbook.
	 * @throws SessionRefusedException naming the file and the offending key or value
	 */
	public static AnswersConfirmer load(Path file, Runbook runbook) {
		JsonNode root;
		String yaml;
		try {
			yaml = Files.readString(file);
			root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
		}
		catch (IOException ex) {
			throw unreadable(file, ex);
		}
		AnswersFileLines lines = AnswersFileLines.of(yaml);
		if (root == null || root.isMissingNode() || root.isNull()) {
			root = new ObjectMapper().createObjectNode();
		}
		if (!root.isObject()) {
			throw new SessionRefusedException(file + ":1: an answers file is a YAML mapping (default, blocks, ...)");
		}
		List<String> unknown = new ArrayList<>();
		root.fieldNames().forEachRemaining(key -> {
			if (!KEYS.contains(key)) {
				unknown.add(key);
			}
		});
		if (!unknown.isEmpty()) {
			throw new SessionRefusedException(lines.at(file, unknown.get(0)) + ": unknown key(s) "
					+ String.join(", ", unknown)
					+ " (known: default, blocks, variables, checks, on-failure, on-unknown)");
		}
		for (String mapping : List.of("blocks", "variables")) {
			JsonNode node = root.get(mapping);
			if (node != null && !node.isNull() && !node.isObject()) {
				// a list or a word here would be read as no entries at all, silently
				throw new SessionRefusedException(lines.at(file, mapping) + ": " + mapping
						+ " is a mapping (one 'key: value' per line), not " + node);
			}
		}
		Decision fallback = choice(lines.at(file, "default"), "default", text(root, "default", "run"),
				Set.of("run", "skip", "stop"));
		Map<String, Decision> blocks = new LinkedHashMap<>();
		List<String> unknownBlocks = new ArrayList<>();
		JsonNode listed = root.path("blocks");
		listed.fieldNames().forEachRemaining(key -> {
			Block block = runbook.find(key).orElse(null);
			if (block == null) {
				unknownBlocks.add(key);
				return;
			}
			blocks.put(block.id(), blockDecision(lines.at(file, "blocks", key), key, listed.get(key)));
		});
		if (!unknownBlocks.isEmpty()) {
			throw new SessionRefusedException(lines.at(file, "blocks", unknownBlocks.get(0)) + ": no block "
					+ String.join(", ", unknownBlocks) + " in "
					+ runbook.file() + " (see: runbook list " + runbook.file() + ")");
		}
		Map<String, String> variables = new LinkedHashMap<>();
		root.path("variables").fields().forEachRemaining(e -> {
			if (e.getValue().isContainerNode()) {
				// asText() of a list or mapping is "": the variable would run empty
				throw new SessionRefusedException(lines.at(file, "variables", e.getKey()) + ": variables."
						+ e.getKey() + " is a value, not " + e.getValue());
			}
			variables.put(e.getKey(), e.getValue().asText());
		});
		CheckResult checks = switch (text(root, "checks", "unverified")) {
			case "all" -> new CheckResult(CheckResult.State.CHECKED, "answers file: checks: all");
			case "none" -> new CheckResult(CheckResult.State.UNCHECKED, "answers file: checks: none");
			case "unverified" -> CheckResult.UNVERIFIED;
			default -> throw new SessionRefusedException(
					lines.at(file, "checks") + ": checks must be all, none or unverified, not '"
							+ root.path("checks").asText() + "'");
		};
		Decision onFailure = choice(lines.at(file, "on-failure"), "on-failure", text(root, "on-failure", "stop"),
				Set.of("stop", "ignore", "rollback"));
		String unknownOutcome = text(root, "on-unknown", null);
		if (unknownOutcome != null && !Set.of("rerun", "skip", "stop").contains(unknownOutcome)) {
			throw new SessionRefusedException(lines.at(file, "on-unknown")
					+ ": on-unknown must be one of rerun, skip, stop, not '"
					+ root.path("on-unknown").asText() + "'");
		}
		OnUnknown onUnknown = unknownOutcome == null ? null : OnUnknown.valueOf(unknownOutcome.toUpperCase(Locale.ROOT));
		return new AnswersConfirmer(fallback, blocks, variables, checks, onFailure, onUnknown);
	}

	/** One line naming the file and, for bad YAML, the line: the parser's own report spans ten. */
	private static SessionRefusedException unreadable(Path file, IOException ex) {
		if (ex instanceof NoSuchFileException) {
			return new SessionRefusedException("no answers file at " + file);
		}
		if (ex.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
			// where the broken construct began says more than where the parser gave up (often the end of the file)
			Mark mark = yaml.getContextMark() != null ? yaml.getContextMark() : yaml.getProblemMark();
			return new SessionRefusedException(file + ":" + (mark.getLine() + 1) + ": invalid YAML: "
					+ yaml.getProblem() + (yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")"));
		}
		if (ex instanceof JsonProcessingException json && json.getLocation() != null) {
			return new SessionRefusedException(file + ":" + Math.max(1, json.getLocation().getLineNr())
					+ ": invalid YAML: " + json.getOriginalMessage().lines().findFirst().orElse(""));
		}
		return new SessionRefusedException("cannot read answers file " + file + ": " + ex.getMessage());
	}

	private static Decision blockDecision(String where, String key, JsonNode value) {
		if (value.isObject() && value.has("edit")) {
			String text = value.get("edit").asText();
			if (text.isBlank()) {
				throw new SessionRefusedException(where + ": blocks." + key + ".edit is empty");
			}
			return Decision.edit(text);
		}
		return choice(where, "blocks." + key, value.asText(), Set.of("run", "skip", "stop"));
	}

	private static String text(JsonNode root, String key, String fallback) {
		JsonNode node = root.get(key);
		return node == null || node.isNull() ? fallback : node.asText().trim().toLowerCase(Locale.ROOT);
	}

	/** {@code where} is {@code file:line}, or the file when the line is not known. */
	private static Decision choice(String where, String key, String value, Set<String> allowed) {
		String choice = value.trim().toLowerCase(Locale.ROOT);
		if (!allowed.contains(choice)) {
			throw new SessionRefusedException(where + ": " + key + " must be one of " + String.join(", ",
					allowed.stream().sorted().toList()) + ", not '" + value + "'");
		}
		return new Decision(Decision.Choice.fromWire(choice), null);
	}

	/** {@code on-unknown:}, or null when the file does not say. */
	public OnUnknown onUnknown() {
		return this.onUnknown;
	}

	/** The values under {@code variables:}; {@code --var} overrides them. */
	public Map<String, String> variables() {
		return this.variables;
	}

	@Override
	public SessionMode mode() {
		return SessionMode.ANSWERS;
	}

	/** A block not listed takes {@code default:}, except that {@code default: run} skips an excludeFromRunAll block. */
	@Override
	public Decision beforeBlock(BlockPrompt prompt) {
		Decision listed = this.blocks.get(prompt.block().id());
		if (listed != null) {
			return listed;
		}
		boolean excluded = prompt.block().annotations().excludeFromRunAll() && !prompt.block().rollback();
		return excluded && this.fallback.choice() == Decision.Choice.RUN ? Decision.SKIP : this.fallback;
	}

	@Override
	public Decision afterFailure(FailurePrompt prompt) {
		if (this.onFailure.choice() == Decision.Choice.ROLLBACK && !prompt.rollbackAvailable()) {
			return Decision.STOP;
		}
		return this.onFailure;
	}

	@Override
	public CheckResult check(ChecklistItem item) {
		return this.checks;
	}

}
