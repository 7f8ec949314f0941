package dev.runbookshell.ansible;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ParseResult;
import dev.runbookshell.runbook.Runbook;

/**
 * Exports a runbook as Ansible playbooks: {@code playbook.yml} (the flow), {@code rollback.yml} (the rollback
 * sections) and {@code inventory.yml} (the hosts), plus {@code check.yml} (a dry run) on request. Reads the
 * runbook model and writes files; runs nothing. What Ansible cannot do as a terminal session would is exported
 * unchanged with a comment in its task and a warning in the result.
 */
public final class AnsibleExport {

	/**
	 * What to export where.
	 * @param out the folder for the files (created if missing)
	 * @param targets {@code --target} names or URIs; empty for the front matter's
	 * @param inventory an existing inventory to run on instead, or null
	 * @param check whether to write {@code check.yml} too
	 */
	public record Request(Path out, List<String> targets, Path inventory, boolean check) {

		public Request {
			targets = List.copyOf(targets);
		}

	}

	/**
	 * What was written.
	 * @param files the files, in the order written
	 * @param hosts the inventory's host names
	 * @param warnings what does not carry over exactly, in document order
	 */
	public record Result(List<Path> files, List<String> hosts, List<ExportWarning> warnings) {

		public Result {
			files = List.copyOf(files);
			hosts = List.copyOf(hosts);
			warnings = List.copyOf(warnings);
		}

	}

	/** @throws AnsibleException naming the target, the inventory line or the block that cannot be exported */
	public Result write(ParseResult parsed, Request request) {
		Runbook runbook = parsed.runbook();
		ExportWarnings warnings = new ExportWarnings(runbook.file());
		if (runbook.flowBlocks().isEmpty()) {
			warnings.add(1, "no executable blocks outside rollback sections: playbook.yml has no block to run");
		}
		ExportedInventory inventory = request.inventory() != null
				? ExportedInventory.of(AnsibleInventory.read(request.inventory()))
				: ExportedInventory.of(runbook, request.targets(), warnings);
		if (inventory.hosts().isEmpty()) {
			throw new AnsibleException("no host to export to: every target of " + runbook.file()
					+ " was left out (see the warnings; choose one with --target or --inventory)");
		}
		for (Block block : runbook.executableBlocks()) {
			block.annotations().target().filter(target -> !inventory.knows(target)).ifPresent(target -> warnings
				.add(block.line(), "block " + block.label() + " has target=" + target + ", which names no host or group "
						+ "of inventory.yml: it is skipped on every host"));
		}
		PlaybookBuilder playbooks = new PlaybookBuilder(parsed, warnings);
		List<Path> files = new ArrayList<>();
		String playbook = playbooks.playbook();
		String rollback = playbooks.rollback();
		String check = request.check() ? playbooks.check() : null;
		List<String> header = new ArrayList<>(List.of("Exported by runbook-shell from " + runbook.file()
				+ ": the hosts playbook.yml and rollback.yml run on.",
				"Pipelining sends each task's module (and a secret on its stdin) over SSH, never into a file on the host."));
		header.addAll(inventory.notes());
		files.add(write(request.out().resolve("inventory.yml"), new YamlText().write(header, inventory.document())));
		files.add(write(request.out().resolve("playbook.yml"), playbook));
		files.add(write(request.out().resolve("rollback.yml"), rollback));
		if (check != null) {
			files.add(write(request.out().resolve("check.yml"), check));
		}
		return new Result(files, inventory.hosts().stream().map(ExportedInventory.Host::name).toList(), warnings.all());
	}

	private static Path write(Path file, String text) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8);
			return file;
		}
		catch (IOException ex) {
			throw new AnsibleException(file + ": cannot write (" + ex.getMessage() + ")", ex);
		}
	}

}
