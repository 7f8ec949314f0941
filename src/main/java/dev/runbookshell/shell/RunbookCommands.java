package dev.runbookshell.shell;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ChecklistItem;
import dev.runbookshell.runbook.Expectation;
import dev.runbookshell.runbook.ParseResult;
import dev.runbookshell.runbook.Placeholder;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.runbook.RunbookParseException;
import dev.runbookshell.runbook.RunbookParser;
import dev.runbookshell.runbook.Section;
import dev.runbookshell.runbook.lint.LintFinding;
import dev.runbookshell.runbook.lint.RunbookLinter;

/** {@code open}, {@code outline}, {@code list} and {@code lint}: reading a runbook without running it. */
@Component
public class RunbookCommands {

	private static final String FILE_HELP = "runbook file (default: the runbook opened with 'open')";

	private final CurrentRunbook current;

	private final RunbookParser parser = new RunbookParser();

	private final RunbookLinter linter = new RunbookLinter();

	private final ObjectMapper json = new ObjectMapper();

	public RunbookCommands(CurrentRunbook current) {
		this.current = current;
	}

	@Command(name = "open", group = "Runbook", description = "Open a runbook for this session",
			help = "Parses FILE and makes it the runbook that outline, list, lint and the session commands use.")
	public void open(@Argument(index = 0, description = "runbook file") String file, CommandContext context) {
		if (file == null || file.isBlank()) {
			throw CliException.usage("open needs a FILE: open runbooks/demo.md");
		}
		Runbook runbook = read(file).runbook();
		this.current.set(runbook);
		long rollback = runbook.executableBlocks().stream().filter(Block::rollback).count();
		PrintWriter out = context.outputWriter();
		out.printf("Opened '%s' (%s): %d sections, %d blocks (%d in rollback sections), %d checklist items.%n",
				runbook.title(), runbook.file(), runbook.sections().size(), runbook.executableBlocks().size(), rollback,
				runbook.checklists().size());
		out.println("Run 'outline' to see its sections and blocks.");
	}

	@Command(name = "outline", group = "Runbook", description = "Show the section tree with block ids and names")
	public void outline(@Argument(index = 0, description = FILE_HELP) String file, CommandContext context) {
		Runbook runbook = file == null || file.isBlank() ? this.current.require() : read(file).runbook();
		PrintWriter out = context.outputWriter();
		out.println(runbook.title());
		out.printf("%s: %d sections, %d blocks, %d checklist items%n%n", runbook.file(), runbook.sections().size(),
				runbook.executableBlocks().size(), runbook.checklists().size());
		for (Section section : runbook.sections()) {
			String indent = "  ".repeat(depth(section.number()));
			long checks = runbook.checklists().stream().filter(c -> c.section().equals(section.number())).count();
			out.printf("%s%s %s%s%s%n", indent, section.number(), section.number().equals("0") ? "(before the first heading)"
					: section.title(), section.rollback() ? "  [rollback]" : "", checks > 0 ? "  [" + checks + (checks == 1 ? " check]" : " checks]") : "");
			for (Block block : runbook.executableBlocks()) {
				if (block.section().equals(section.number())) {
					out.printf("%s    - %s %s  (line %d)%n", indent, block.id(), block.name(), block.line());
				}
			}
		}
	}

	@Command(name = "list", group = "Runbook", description = "List a runbook's code blocks (--json for tools)",
			help = "Without --json: one line per executable block (id, name, line, section, first command).\n"
					+ "With --json: exactly one JSON object with title, file, sha256, sections, every code block "
					+ "(executable or not) and checklists.")
	public void list(@Argument(index = 0, description = FILE_HELP) String file,
			@Option(longName = "json", description = "print one JSON object") Boolean asJson, CommandContext context) {
		Runbook runbook = file == null || file.isBlank() ? this.current.require() : read(file).runbook();
		PrintWriter out = context.outputWriter();
		if (Boolean.TRUE.equals(asJson)) {
			out.println(write(listing(runbook)));
			return;
		}
		out.printf("%-9s %-32s %5s  %-8s %s%n", "ID", "NAME", "LINE", "SECTION", "COMMAND");
		for (Block block : runbook.executableBlocks()) {
			out.printf("%-9s %-32s %5d  %-8s %s%n", block.id(), clip(block.name(), 32), block.line(), block.section(),
					clip(firstCommand(block), 60));
		}
		out.printf("%d executable blocks, %d other code blocks shown as context%n", runbook.executableBlocks().size(),
				runbook.blocks().size() - runbook.executableBlocks().size());
	}

	@Command(name = "lint", group = "Runbook", description = "Check a runbook for problems before running it",
			help = "Prints 'file:line: severity: message (fix: ...)' per finding and a summary.\n"
					+ "Exit code: 1 when there is at least one error, 0 with only warnings and infos, 2 when the file "
					+ "cannot be read or its front matter is invalid.")
	public void lint(@Argument(index = 0, description = FILE_HELP) String file,
			@Option(longName = "json", description = "print one JSON object {file, findings}") Boolean asJson,
			CommandContext context) {
		ParseResult result = read(file == null || file.isBlank() ? this.current.require().file() : file);
		List<LintFinding> findings = this.linter.lint(result);
		PrintWriter out = context.outputWriter();
		Map<LintFinding.Severity, Long> counts = new java.util.EnumMap<>(LintFinding.Severity.class);
		findings.forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
		String summary = String.format("%s: %d errors, %d warnings, %d infos", result.runbook().file(),
				counts.getOrDefault(LintFinding.Severity.ERROR, 0L), counts.getOrDefault(LintFinding.Severity.WARNING, 0L),
				counts.getOrDefault(LintFinding.Severity.INFO, 0L));
		if (Boolean.TRUE.equals(asJson)) {
			ObjectNode root = this.json.createObjectNode().put("file", result.runbook().file());
			ArrayNode list = root.putArray("findings");
			findings.forEach(f -> list.addObject()
				.put("severity", f.severity().label())
				.put("file", f.file())
				.put("line", f.line())
				.put("rule", f.rule())
				.put("message", f.message())
				.put("fix", f.fix()));
			out.println(write(root));
		}
		else {
			findings.forEach(f -> out.println(f.format()));
			out.println(summary);
		}
		if (counts.containsKey(LintFinding.Severity.ERROR)) {
			throw CliException.failed("lint found errors: " + summary);
		}
	}

	private ParseResult read(String file) {
		try {
			return this.parser.read(Path.of(file));
		}
		catch (InvalidPathException ex) {
			throw CliException.usage("not a valid path: '" + file + "'");
		}
		catch (RunbookParseException ex) {
			throw CliException.usage(ex.getMessage());
		}
	}

	private ObjectNode listing(Runbook runbook) {
		ObjectNode root = this.json.createObjectNode()
			.put("title", runbook.title())
			.put("file", runbook.file())
			.put("sha256", runbook.sha256());
		ArrayNode sections = root.putArray("sections");
		for (Section s : runbook.sections()) {
			sections.addObject()
				.put("number", s.number())
				.put("title", s.title())
				.put("line", s.line())
				.put("rollback", s.rollback());
		}
		ArrayNode blocks = root.putArray("blocks");
		for (Block b : runbook.blocks()) {
			ObjectNode node = blocks.addObject()
				.put("id", b.id())
				.put("name", b.name())
				.put("line", b.line())
				.put("language", b.language())
				.put("executable", b.executable())
				.put("section", b.section())
				.put("hash", b.hash())
				.put("content", b.content());
			ObjectNode annotations = node.putObject("annotations");
			b.annotations().values().forEach(annotations::put);
			ArrayNode placeholders = node.putArray("placeholders");
			b.placeholders().stream().map(Placeholder::token).forEach(placeholders::add);
			ArrayNode expect = node.putArray("expect");
			b.expectations().stream().map(Expectation::display).forEach(expect::add);
		}
		ArrayNode checklists = root.putArray("checklists");
		for (ChecklistItem c : runbook.checklists()) {
			checklists.addObject()
				.put("line", c.line())
				.put("text", c.text())
				.put("checked", c.checked())
				.put("section", c.section());
		}
		return root;
	}

	private String write(ObjectNode node) {
		try {
			return this.json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a tree of strings and numbers always serialises", ex);
		}
	}

	private static int depth(String number) {
		return (int) number.chars().filter(c -> c == '.').count();
	}

	/** The first line that is neither blank nor a comment. */
	private static String firstCommand(Block block) {
		for (String line : block.command().split("\n")) {
			String trimmed = line.strip();
			if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
				return trimmed;
			}
		}
		return "";
	}

	private static String clip(String text, int width) {
		return text.length() <= width ? text : text.substring(0, width - 1) + "~";
	}

}
