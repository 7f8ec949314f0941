package dev.runbookshell.runbook.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.runbookshell.runbook.AnnotationKeys;
import dev.runbookshell.runbook.Annotations;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ParseNote;
import dev.runbookshell.runbook.ParseResult;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.runbook.Section;
import dev.runbookshell.runbook.lint.LintFinding.Severity;

/**
 * Checks a parsed runbook for what goes wrong during a session: placeholders that will be asked for, commands
 * that never end, destructive commands with no backup before them, no rollback section, duplicate names,
 * unknown or invalid annotations, unclosed fences, rollback pairs and targets that point nowhere. Findings come
 * back sorted by line. Stateless and thread-safe.
 */
public final class RunbookLinter {

	public List<LintFinding> lint(ParseResult result) {
		Runbook runbook = result.runbook();
		List<LintFinding> findings = new ArrayList<>();
		Reporter report = new Reporter(runbook.file(), findings::add);
		for (ParseNote note : result.notes()) {
			switch (note.kind()) {
				case UNCLOSED_FENCE -> report.warning(note.line(), "unclosed-fence", note.message(),
						"add a closing fence line after the block");
				case BAD_ANNOTATION -> report.warning(note.line(), "bad-annotation", "annotation ignored: " + note.message(),
						"write annotations as {key=value key2=\"a b\"}");
				case DUPLICATE_NAME -> report.warning(note.line(), "duplicate-name", note.message(),
						"give each block its own name=");
			}
		}
		new AnnotationChecks(runbook, report).check();
		new PlaceholderChecks(runbook, report).check();
		shapes(runbook, report);
		new CommandChecks(report).check(runbook.executableBlocks());
		structure(runbook, report);
		report.summarize();
		findings.sort(Comparator.comparingInt(LintFinding::line).thenComparing(LintFinding::severity));
		return findings;
	}

	/** Console blocks without a prompt and blocks that are a script file's content: both run differently than they read. */
	private static void shapes(Runbook runbook, Reporter report) {
		for (Block block : runbook.executableBlocks()) {
			if (block.promptless()) {
				long lines = block.command().lines().filter(l -> !l.isBlank()).count();
				report.info(block.line(), "console-without-prompt", "block " + block.label() + ": this console block has no '$ ' "
						+ "prompt line, so all " + lines + " of its lines run as commands",
						"fence it as ```bash, or start each command with '$ ' (other lines are then output)");
			}
			block.scriptFile().ifPresent(script -> report.warning(block.line(), "script-file", "block " + block.label()
					+ ": " + script.warning() + ", in the session's shell",
					"to create the file instead, write it with cat > " + (script.name() != null ? script.name() : "FILE")
							+ " <<'EOF' ... EOF; or mark the block ignore=true"));
		}
	}

	private static void structure(Runbook runbook, Reporter report) {
		if (runbook.executableBlocks().isEmpty()) {
			report.warning(1, "no-blocks", "no executable blocks: nothing will run",
					"fence commands as ```bash (or sh, shell, zsh, console)");
			return;
		}
		if (runbook.sections().stream().noneMatch(Section::rollback)) {
			report.warning(1, "no-rollback", "no rollback section: nothing to offer when a step fails",
					"add a '## Rollback' section with the blocks that undo the change");
		}
		var frontMatter = runbook.frontMatter();
		if (frontMatter.defaultTarget() != null && !frontMatter.targets().isEmpty()
				&& !frontMatter.targets().containsKey(frontMatter.defaultTarget())) {
			report.error(1, "unknown-target", "default-target '" + frontMatter.defaultTarget()
					+ "' is not one of the declared targets " + frontMatter.targets().keySet(),
					"name one of " + frontMatter.targets().keySet());
		}
	}

	/**
	 * Collects findings for one file, at most {@link #MAX_PER_RULE} per rule: a generated or pasted document can
	 * hold thousands of the same finding, and one line saying how many more were left out helps more.
	 */
	static final class Reporter {

		static final int MAX_PER_RULE = 100;

		private final String file;

		private final Consumer<LintFinding> sink;

		private final Map<String, Integer> counts = new HashMap<>();

		Reporter(String file, Consumer<LintFinding> sink) {
			this.file = file;
			this.sink = sink;
		}

		void error(int line, String rule, String message, String fix) {
			add(new LintFinding(Severity.ERROR, this.file, line, rule, message, fix));
		}

		void warning(int line, String rule, String message, String fix) {
			add(new LintFinding(Severity.WARNING, this.file, line, rule, message, fix));
		}

		void info(int line, String rule, String message, String fix) {
			add(new LintFinding(Severity.INFO, this.file, line, rule, message, fix));
		}

		/** Whether findings of {@code rule} are no longer shown (the caller may stop looking for them). */
		boolean full(String rule) {
			return this.counts.getOrDefault(rule, 0) >= MAX_PER_RULE;
		}

		private void add(LintFinding finding) {
			int count = this.counts.merge(finding.rule(), 1, Integer::sum);
			if (count <= MAX_PER_RULE) {
				this.sink.accept(finding);
			}
		}

		/** One info per rule that had more findings than were shown. */
		void summarize() {
			this.counts.forEach((rule, count) -> {
				if (count > MAX_PER_RULE) {
					this.sink.accept(new LintFinding(Severity.INFO, this.file, 1, rule, (count - MAX_PER_RULE)
							+ " more '" + rule + "' findings not shown", "mend the ones shown and lint again"));
				}
			});
		}

	}

	/** Keys nobody reads, values that will not parse, rollback pairs and targets that point nowhere. */
	private record AnnotationChecks(Runbook runbook, Reporter report) {

		void check() {
			keys();
			// ids and names once: a lookup per rollback= would read every block again
			Set<String> addresses = new HashSet<>();
			this.runbook.executableBlocks().forEach(b -> {
				addresses.add(b.id());
				addresses.add(b.name());
			});
			for (Block block : this.runbook.blocks()) {
				if (!block.fenced()) {
					continue;
				}
				Annotations a = block.annotations();
				String where = block.executable() ? "block " + block.label() : "code block";
				value(block, where, "timeout", "a duration such as 90s, 5m or 1h30m", () -> a.timeout());
				value(block, where, "confirm", "always, typed or never", () -> a.confirm());
				value(block, where, "exit", "exit codes such as 0 or 0,1", () -> a.exitCodes());
				value(block, where, "retries", "a whole number, 0 or more", () -> {
					if (a.retries() < 0) {
						throw new IllegalArgumentException("negative");
					}
					return a.retries();
				});
				a.rollbackBlock().filter(name -> !addresses.contains(name)).ifPresent(name -> this.report.error(
						block.line(), "rollback-target", where + ": rollback='" + name + "' names no block",
						"use the name or id of the block that undoes this one"));
				a.target().filter(this::undeclaredTarget).ifPresent(name -> this.report.warning(block.line(),
						"unknown-target", where + ": target '" + name + "' is not declared in front matter",
						"declare it under targets: or use one of " + this.runbook.frontMatter().targets().keySet()));
			}
		}

		/** A near miss of a key we honour is an error ({@code run} refuses it); another unknown key a warning. */
		private void keys() {
			AnnotationKeys keys = AnnotationKeys.of(this.runbook);
			for (AnnotationKeys.Key key : keys.nearMisses()) {
				this.report.error(key.line(), "unknown-annotation", key.block() + ": unknown annotation '" + key.key()
						+ "' (run refuses the runbook without --force)", "did you mean '" + key.suggestion() + "'?");
			}
			for (AnnotationKeys.Key key : keys.unknown()) {
				this.report.warning(key.line(), "unknown-annotation", key.block() + ": unknown annotation '" + key.key()
						+ "'", key.suggestion() != null ? "did you mean '" + key.suggestion() + "'?"
								: "remove it; known keys: " + String.join(", ", AnnotationKeys.honoured()));
			}
		}

		private boolean undeclaredTarget(String name) {
			return !name.equals("local") && !name.contains("://")
					&& !this.runbook.frontMatter().targets().containsKey(name);
		}

		private void value(Block block, String where, String key, String expected, java.util.function.Supplier<?> read) {
			if (block.annotations().get(key).isEmpty()) {
				return;
			}
			try {
				read.get();
			}
			catch (RuntimeException ex) {
				this.report.error(block.line(), "invalid-annotation", where + ": " + key + "='"
						+ block.annotations().get(key).get() + "' is not valid", "use " + expected);
			}
		}

	}

}
