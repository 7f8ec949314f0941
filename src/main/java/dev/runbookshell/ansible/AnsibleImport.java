package dev.runbookshell.ansible;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.runbookshell.ansible.AnsibleResults.HostResult;
import dev.runbookshell.ansible.AnsibleResults.Play;
import dev.runbookshell.ansible.AnsibleResults.Task;
import dev.runbookshell.journal.JournalEntry;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.journal.JournalEvent.ToolRef;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalWriter;
import dev.runbookshell.journal.RunMode;
import dev.runbookshell.journal.SessionStatus;
import dev.runbookshell.report.LiveMarkdownLog;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ChecklistItem;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.session.JournalHistory;
import dev.runbookshell.session.SessionRefusedException;

/**
 * Turns the results of {@code ansible-playbook} run on an exported playbook into one journal per host (per play),
 * each a valid single-host journal (hosts in name order), so that every report works on a run Ansible did. Tasks are matched to blocks
 * by the id in their names; each task's script names its block's hash, and a block that changed in the runbook
 * since the export is refused as {@code --replay} refuses it.
 */
public final class AnsibleImport {

	private static final Pattern PLAY_SHA = Pattern.compile("\\(sha256:([0-9a-f]{64})\\)$");

	private static final Pattern CHECK = Pattern.compile("^check line (\\d+): ");

	private final ToolRef tool;

	private final String operator;

	private final String machine;

	/**
	 * @param tool the tool writing the journals
	 * @param operator who imports (the journal's operator)
	 * @param machine where the import runs (the journal's host)
	 */
	public AnsibleImport(ToolRef tool, String operator, String machine) {
		this.tool = tool;
		this.operator = operator;
		this.machine = machine;
	}

	/**
	 * One journal written.
	 * @param host the inventory host
	 * @param journal the file
	 * @param status the session's status ({@code succeeded}, {@code failed}, {@code stopped})
	 * @param counts blocks by status
	 */
	public record Imported(String host, Path journal, SessionStatus status, Map<String, Integer> counts) {
	}

	/** @throws AnsibleException when the results are not an exported playbook's, or a block changed (unless force) */
	public List<Imported> importRun(Runbook runbook, Path result, Path logDir, boolean force) {
		AnsibleResults.Run run = AnsibleResults.read(result);
		List<Play> plays = run.plays().stream().filter(p -> p.name().startsWith(PlaybookBuilder.PLAY_PREFIX)).toList();
		if (plays.isEmpty()) {
			throw new AnsibleException(result + ": no play of a playbook exported by runbook-shell (plays: "
					+ String.join(", ", run.plays().stream().map(Play::name).toList()) + ")");
		}
		if (plays.stream().anyMatch(p -> p.name().startsWith(PlaybookBuilder.PLAY_PREFIX + "dry run of "))) {
			throw new AnsibleException(result + ": a dry run (check.yml) runs no block: there is nothing to import");
		}
		verify(runbook, result, plays, force);
		List<Imported> imported = new ArrayList<>();
		for (Play play : plays) {
			for (String host : new java.util.TreeSet<>(run.hosts())) {
				if (play.tasks().stream().anyMatch(task -> task.hosts().containsKey(host))) {
					imported.add(importHost(runbook, result, play, host, logDir));
				}
			}
		}
		return imported;
	}

	private Imported importHost(Runbook runbook, Path result, Play play, String host, Path logDir) {
		Instant start = play.start() != null ? play.start() : Instant.now();
		HostImport.SettableClock clock = new HostImport.SettableClock(start);
		String slug = Path.of(runbook.file()).getFileName().toString().replaceFirst("\\.(md|markdown)$", "");
		JournalWriter writer = JournalWriter.create(logDir == null ? JournalWriter.DEFAULT_DIR : logDir, slug, host, clock);
		writer.onProgress(new LiveMarkdownLog(writer.path(), writer.markdownPath()));
		boolean rollback = play.name().startsWith(PlaybookBuilder.PLAY_PREFIX + "rollback of ");
		try (HostImport journal = new HostImport(writer, clock)) {
			Map<String, String> sections = new LinkedHashMap<>();
			runbook.sections().forEach(section -> sections.put(section.number(), section.title()));
			List<String> cutover = runbook.executableBlocks().stream().filter(b -> b.annotations().cutover())
				.map(Block::id).toList();
			journal.write(start, new JournalEvent.SessionStarted(
					new JournalEvent.RunbookRef(runbook.file(), runbook.sha256(), runbook.title()),
					new JournalEvent.TargetRef(host, uri(play.path(), host), null), this.operator,
					this.machine, this.tool, RunMode.ANSIBLE, sections, cutover.isEmpty() ? null : cutover));
			journal.write(start, new JournalEvent.Note("imported from " + result + ": ansible-playbook ran "
					+ play.path().replaceFirst(":\\d+$", "") + " on " + host, null));
			for (Task task : play.tasks()) {
				if (journal.ended()) {
					break;
				}
				Instant at = task.start() != null ? task.start() : start;
				task(runbook, journal, task, host, at);
			}
			JournalEvent.SessionFinished finished = journal.finish(play.end() != null ? play.end() : start,
					rollback ? List.of() : runbook.flowBlocks());
			return new Imported(host, writer.path(), finished.status(), finished.counts());
		}
	}

	private static void task(Runbook runbook, HostImport journal, Task task, String host, Instant at) {
		HostResult own = task.hosts().get(host);
		// a pause runs once for the whole batch: its one result stands for every host
		HostResult shared = own != null ? own : task.hosts().values().stream().findFirst().orElse(null);
		Matcher check = CHECK.matcher(task.name());
		if (check.find()) {
			int line = Integer.parseInt(check.group(1));
			Optional<ChecklistItem> item = runbook.checklists().stream().filter(i -> i.line() == line).findFirst();
			if (item.isPresent() && shared != null) {
				journal.check(item.get(), at, shared);
			}
			return;
		}
		if (task.name().startsWith(PlaybookBuilder.PLAY_PREFIX)) {
			if (own != null && own.flag("failed")) {
				journal.otherFailed(task.name(), at, own);
			}
			return;
		}
		Block block = blockOf(runbook, task.name());
		if (block == null) {
			return;
		}
		BlockRef ref = new BlockRef(block.id(), block.name(), block.hash());
		if (shared != null && String.valueOf(shared.text("action")).endsWith("pause")) {
			journal.confirmation(block, ref, at, shared);
		}
		else if (own != null) {
			journal.block(block, ref, at, own);
		}
	}

	/** The block a task is about: {@code "ID NAME"}. */
	private static Block blockOf(Runbook runbook, String taskName) {
		int space = taskName.indexOf(' ');
		if (space <= 0) {
			return null;
		}
		return runbook.find(taskName.substring(0, space))
			.or(() -> runbook.find(taskName.substring(space + 1)))
			.orElse(null);
	}

	/** As {@code --replay} checks a journal: every block a task ran must be in the runbook, unchanged. */
	private static void verify(Runbook runbook, Path result, List<Play> plays, boolean force) {
		List<JournalEntry> entries = new ArrayList<>();
		for (Play play : plays) {
			Matcher sha = PLAY_SHA.matcher(play.name());
			boolean sameRunbook = sha.find() && sha.group(1).equals(runbook.sha256());
			for (Task task : play.tasks()) {
				for (HostResult host : task.hosts().values()) {
					String cmd = host.text("cmd");
					Matcher header = cmd == null ? null : TaskScript.HEADER.matcher(cmd);
					if (header != null && header.find()) {
						entries.add(new JournalEntry(entries.size() + 1, Instant.EPOCH, "", new JournalEvent.BlockStarted(
								new BlockRef(header.group(1), header.group(2), header.group(5)), ""), 0));
					}
					else if (host.text("censored") != null && blockOf(runbook, task.name()) != null && !sameRunbook && !force) {
						throw new AnsibleException("cannot import: Ansible hid the script of task '" + task.name()
								+ "' (no_log), so its block cannot be checked, and " + runbook.file()
								+ " changed since the export (--force to proceed)");
					}
				}
			}
		}
		try {
			JournalHistory.of(result.toString(), entries).verifyBlocks(runbook, force, "import");
		}
		catch (SessionRefusedException ex) {
			throw new AnsibleException(ex.getMessage(), ex);
		}
	}

	/**
	 * The host as a URI, from the inventory.yml the export wrote beside the playbook ({@code ssh://user@host:port});
	 * {@code ansible:HOST} when that is not there.
	 */
	static String uri(String playPath, String host) {
		Path inventory = Path.of(playPath.replaceFirst(":\\d+$", "")).resolveSibling("inventory.yml");
		if (Files.isRegularFile(inventory)) {
			try {
				for (InventoryHost known : AnsibleInventory.read(inventory).hosts()) {
					if (known.name().equals(host)) {
						String connection = known.vars().getOrDefault("ansible_connection", "ssh");
						return switch (connection) {
							case "local" -> "local";
							case "community.docker.docker", "docker" -> "docker://" + known.address();
							default -> "ssh://" + (known.user() == null ? "" : known.user() + "@") + known.address()
									+ (known.port() == null ? "" : ":" + known.port());
						};
					}
				}
			}
			catch (AnsibleException ex) {
				// an inventory edited by hand into something unreadable: the host's name will do
			}
		}
		return "ansible:" + host;
	}

}
