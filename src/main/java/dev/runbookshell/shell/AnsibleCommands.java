package dev.runbookshell.shell;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.runbookshell.ansible.AnsibleException;
import dev.runbookshell.ansible.AnsibleExport;
import dev.runbookshell.ansible.AnsibleImport;
import dev.runbookshell.ansible.ExportWarning;
import dev.runbookshell.journal.JournalEvent.ToolRef;
import dev.runbookshell.journal.SessionStatus;
import dev.runbookshell.runbook.ParseResult;
import dev.runbookshell.runbook.RunbookParseException;
import dev.runbookshell.runbook.RunbookParser;
import dev.runbookshell.session.Operator;

/**
 * {@code export FILE --format ansible --out DIR} hands a runbook to Ansible; {@code import ansible RESULT --runbook
 * FILE} brings Ansible's results back as journals. Both bind options and delegate to {@code dev.runbookshell.ansible}.
 */
@Component
public class AnsibleCommands {

	private final VersionInfo version;

	public AnsibleCommands(VersionInfo version) {
		this.version = version;
	}

	@Command(name = "export", group = "Hand-off", description = "Write a runbook as an Ansible playbook (runs nothing)",
			help = """
					Writes DIR/playbook.yml (the blocks, in order, one task each), DIR/rollback.yml (the rollback
					sections) and DIR/inventory.yml (the default target and the targets blocks name, or --target,
					or an existing --inventory); --check adds DIR/check.yml, a dry run. Prints each file written and
					a warning (file:line) for each block Ansible runs differently from a terminal. Exit: 0 written,
					2 bad input (unknown target, unreadable runbook or inventory).""")
	public void export(@Argument(index = 0, description = "the runbook (Markdown)") String file,
			@Option(longName = "format", description = "ansible (the only one)") String format,
			@Option(longName = "out", description = "folder for the files (created if missing)") String out,
			@Option(longName = "target", description = "front-matter names or URIs, comma-separated (default: the front matter's)") String target,
			@Option(longName = "inventory", description = "an existing Ansible inventory (INI or YAML) to run on") String inventory,
			@Option(longName = "check", description = "also write check.yml, a dry run across the hosts") Boolean check,
			CommandContext context) {
		if (file == null || file.isBlank() || out == null || out.isBlank()) {
			throw CliException.usage("export needs a runbook and a folder: runbook export FILE --format ansible --out DIR "
					+ "[--target T,... | --inventory F] [--check]");
		}
		if (format != null && !format.isBlank() && !format.strip().equals("ansible")) {
			throw CliException.usage("unknown export format '" + format + "' (ansible)");
		}
		if (target != null && inventory != null) {
			throw CliException.usage("choose --target or --inventory, not both");
		}
		List<String> targets = target == null ? List.of()
				: Arrays.stream(target.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
		ParseResult parsed = parse(file);
		AnsibleExport.Result result;
		try {
			result = new AnsibleExport().write(parsed, new AnsibleExport.Request(path(out), targets,
					inventory == null ? null : path(inventory), Boolean.TRUE.equals(check)));
		}
		catch (AnsibleException ex) {
			throw CliException.usage(ex.getMessage());
		}
		PrintWriter writer = context.outputWriter();
		result.warnings().stream().map(ExportWarning::format).forEach(writer::println);
		result.files().forEach(written -> writer.println("wrote " + written));
		int blocks = parsed.runbook().flowBlocks().size();
		writer.printf("%d %s for %s; run: ansible-playbook -i %s %s%n", blocks, blocks == 1 ? "block" : "blocks",
				String.join(", ", result.hosts()), path(out).resolve("inventory.yml"), path(out).resolve("playbook.yml"));
		writer.flush();
	}

	@Command(name = "import", group = "Hand-off",
			description = "Turn ansible-playbook's JSON results into one journal per host", help = """
					Reads RESULT, the output of ansible-playbook run on an exported playbook with the
					ansible.posix.json or ansible.posix.jsonl callback (ANSIBLE_STDOUT_CALLBACK), and writes one
					hash-chained journal per host into --log-dir, so that report works on it. Tasks are matched to
					blocks by the ids in their names; a block that changed in FILE since the export is refused
					(--force to import anyway). Exit: 0 every host succeeded, 1 a block failed somewhere, 2 bad
					input.""")
	public void importResults(@Argument(index = 0, description = "where the results come from: ansible") String kind,
			@Argument(index = 1, description = "ansible-playbook's output (.json or .jsonl)") String result,
			@Option(longName = "runbook", description = "the runbook that was exported") String runbook,
			@Option(longName = "log-dir", description = "where journals go (default ./migration-logs)") String logDir,
			@Option(longName = "force", description = "import although a block changed since the export") Boolean force,
			CommandContext context) {
		if (!"ansible".equals(kind) || result == null || result.isBlank() || runbook == null || runbook.isBlank()) {
			throw CliException.usage("import needs the kind, the results and the runbook: runbook import ansible RESULT "
					+ "--runbook FILE [--log-dir D] [--force]");
		}
		Path results = path(result);
		if (!Files.isRegularFile(results)) {
			throw CliException.usage(result + ": no such file");
		}
		List<AnsibleImport.Imported> imported;
		try {
			Operator operator = Operator.current();
			imported = new AnsibleImport(new ToolRef(this.version.name(), this.version.version()), operator.user(),
					operator.host()).importRun(parse(runbook).runbook(), results,
							logDir == null ? null : path(logDir), Boolean.TRUE.equals(force));
		}
		catch (AnsibleException ex) {
			throw CliException.usage(ex.getMessage());
		}
		PrintWriter writer = context.outputWriter();
		for (AnsibleImport.Imported journal : imported) {
			writer.printf("%s: %s (%s) -> %s%n", journal.host(), journal.status().wire(), counts(journal.counts()),
					journal.journal());
		}
		writer.flush();
		if (imported.stream().anyMatch(journal -> journal.status() == SessionStatus.FAILED)) {
			throw CliException.failed("a block failed on " + String.join(", ", imported.stream()
				.filter(journal -> journal.status() == SessionStatus.FAILED).map(AnsibleImport.Imported::host).toList()));
		}
	}

	private static String counts(Map<String, Integer> counts) {
		return String.join(", ", counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList());
	}

	private static ParseResult parse(String file) {
		try {
			return new RunbookParser().read(path(file));
		}
		catch (RunbookParseException ex) {
			throw CliException.usage(ex.getMessage());
		}
	}

	private static Path path(String text) {
		try {
			return Path.of(text);
		}
		catch (InvalidPathException ex) {
			throw CliException.usage("not a valid path: '" + text + "'");
		}
	}

}
