package dev.runbookshell.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.runbookshell.testsupport.OpenSshServerExtension;

/**
 * The Ansible anchor of the target bench: what one trivial task costs when Ansible runs it over SSH against the
 * same loopback sshd. Two playbooks are timed, one task and {@code 1 + tasks} tasks, so Ansible's own start-up
 * and the SSH login are taken out of the figure. Debian's {@code ansible} with its defaults (no pipelining).
 */
final class AnsibleAnchor {

	private static final Path PLAYBOOK_COMMAND = Path.of("/usr/bin/ansible-playbook");

	private AnsibleAnchor() {
	}

	static boolean installed() {
		return Files.isExecutable(PLAYBOOK_COMMAND);
	}

	/** Milliseconds per {@code command: true} task, averaged over {@code tasks} tasks. */
	static double millisPerTask(OpenSshServerExtension sshd, int tasks) throws IOException, InterruptedException {
		Path dir = Files.createTempDirectory("runbook-bench-ansible");
		Path inventory = dir.resolve("inventory.ini");
		Files.writeString(inventory, "[bench]\n127.0.0.1 ansible_port=" + sshd.port() + " ansible_user=" + sshd.user()
				+ " ansible_ssh_private_key_file=" + sshd.clientKey()
				+ " ansible_ssh_common_args='-o UserKnownHostsFile=" + sshd.knownHosts() + " -o BatchMode=yes'"
				+ " ansible_python_interpreter=/usr/bin/python3\n");
		Path one = playbook(dir.resolve("one.yml"), 1);
		Path many = playbook(dir.resolve("many.yml"), 1 + tasks);
		run(dir, inventory, one); // warms Ansible's caches (facts cache off; this is the module and plugin load)
		long oneNanos = run(dir, inventory, one);
		long manyNanos = run(dir, inventory, many);
		return (manyNanos - oneNanos) / 1e6 / tasks;
	}

	private static Path playbook(Path file, int tasks) throws IOException {
		StringBuilder text = new StringBuilder("- hosts: bench\n  gather_facts: false\n  tasks:\n");
		for (int i = 0; i < tasks; i++) {
			text.append("    - name: trivial ").append(i).append("\n      ansible.builtin.command: \"true\"\n");
		}
		return Files.writeString(file, text);
	}

	private static long run(Path dir, Path inventory, Path playbook) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(List.of(PLAYBOOK_COMMAND.toString(), "-i", inventory.toString(),
				playbook.toString()))
			.directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve(playbook.getFileName() + ".log").toFile());
		builder.environment().put("ANSIBLE_LOCAL_TEMP", dir.resolve("local-tmp").toString());
		builder.environment().put("ANSIBLE_NOCOLOR", "1");
		long start = System.nanoTime();
		Process process = builder.start();
		if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IOException("ansible-playbook " + playbook.getFileName() + " failed; see "
					+ dir.resolve(playbook.getFileName() + ".log"));
		}
		return System.nanoTime() - start;
	}

}
