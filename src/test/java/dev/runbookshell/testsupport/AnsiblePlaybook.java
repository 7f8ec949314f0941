package dev.runbookshell.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's real {@code ansible-playbook} in a test's folder: stdin from /dev/null, no colours, its temp
 * and SSH control folders inside the test's folder, and the callback chosen (the JSON ones print the results on
 * stdout, which goes to a file).
 */
public final class AnsiblePlaybook {

	public static final Path COMMAND = Path.of("/usr/bin/ansible-playbook");

	private AnsiblePlaybook() {
	}

	/** Fails under CI=true, else skips, when Debian's ansible is not installed. */
	public static void require() {
		RequiredComponent.require(Files.isExecutable(COMMAND), "ansible-playbook (Debian's ansible, " + COMMAND + ")");
	}

	/**
	 * How a run ended.
	 * @param exitCode ansible-playbook's exit code (0 all ok, 2 a host failed, 4 unreachable)
	 * @param stdout the file holding what it printed on stdout
	 * @param stderr what it printed on stderr
	 */
	public record Result(int exitCode, Path stdout, String stderr) {
	}

	/**
	 * @param callback the stdout callback ({@code ansible.posix.json}, {@code ansible.posix.jsonl}), or null for the
	 * default
	 */
	public static Result run(Path dir, String callback, Path stdout, Duration timeout, String... args)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(COMMAND.toString()));
		command.addAll(List.of(args));
		Path stderr = dir.resolve(stdout.getFileName() + ".stderr");
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile());
		Files.createDirectories(dir.resolve(".ansible"));
		builder.environment().put("ANSIBLE_NOCOLOR", "1");
		builder.environment().put("ANSIBLE_LOCAL_TEMP", dir.resolve(".ansible/tmp").toString());
		builder.environment().put("ANSIBLE_SSH_CONTROL_PATH_DIR", dir.resolve(".ansible/cp").toString());
		builder.environment().put("ANSIBLE_RETRY_FILES_ENABLED", "false");
		builder.environment().put("ANSIBLE_PYTHON_INTERPRETER", "auto_silent");
		if (callback != null) {
			builder.environment().put("ANSIBLE_STDOUT_CALLBACK", callback);
		}
		Process process = builder.start();
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new AssertionError("ansible-playbook " + String.join(" ", args) + " did not end within " + timeout
						+ "; stderr so far:\n" + Files.readString(stderr, StandardCharsets.UTF_8));
			}
		}
		finally {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
		return new Result(process.exitValue(), stdout, Files.readString(stderr, StandardCharsets.UTF_8));
	}

}
