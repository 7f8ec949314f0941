package dev.runbookshell.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real OpenSSH {@code ssh-keygen}: makes keys, signs and verifies SSHSIG signatures for the tests. */
public final class SshKeygen {

	private static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");

	/** How a run of ssh-keygen ended: its exit code and what it printed (stdout and stderr together). */
	public record Result(int exitCode, String output) {
	}

	private SshKeygen() {
	}

	/** Fails under CI=true (skips otherwise) when ssh-keygen is missing. */
	public static void require() {
		RequiredComponent.require(Files.isExecutable(SSH_KEYGEN), "OpenSSH ssh-keygen (" + SSH_KEYGEN + ")");
	}

	/**
	 * {@code ssh-keygen -t TYPE [-b BITS] -N PASSPHRASE -C COMMENT -f FILE}; FILE.pub beside it.
	 * @param bits 0 for the type's default
	 */
	public static Path generate(Path file, String type, int bits, String passphrase, String comment)
			throws IOException, InterruptedException {
		List<String> args = new ArrayList<>(List.of("-q", "-t", type, "-N", passphrase, "-C", comment, "-f",
				file.toString()));
		if (bits > 0) {
			args.addAll(List.of("-b", Integer.toString(bits)));
		}
		Result result = run(null, args);
		if (result.exitCode() != 0) {
			throw new IOException("ssh-keygen " + args + " failed: " + result.output());
		}
		return file;
	}

	/** An allowed_signers line for the key in {@code publicKeyFile}: {@code principal [options] type base64}. */
	public static String allowedSignersLine(String principal, String options, Path publicKeyFile) throws IOException {
		String[] parts = Files.readString(publicKeyFile).strip().split("\\s+");
		return principal + (options.isEmpty() ? "" : " " + options) + " " + parts[0] + " " + parts[1];
	}

	/** {@code ssh-keygen -Y verify -f ALLOWED -I SIGNER -n NAMESPACE -s SIG < message}. */
	public static Result verify(Path allowedSigners, String signer, String namespace, Path signature, Path message)
			throws IOException, InterruptedException {
		return run(message, List.of("-Y", "verify", "-f", allowedSigners.toString(), "-I", signer, "-n", namespace,
				"-s", signature.toString()));
	}

	/** {@code ssh-keygen -Y sign -f KEY -n NAMESPACE FILE}: writes FILE.sig. */
	public static Result sign(Path key, String namespace, Path file) throws IOException, InterruptedException {
		return run(null, List.of("-Y", "sign", "-f", key.toString(), "-n", namespace, file.toString()));
	}

	private static Result run(Path stdin, List<String> args) throws IOException, InterruptedException {
		require();
		List<String> command = new ArrayList<>(List.of(SSH_KEYGEN.toString()));
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
					: ProcessBuilder.Redirect.from(stdin.toFile()));
		builder.environment().remove("SSH_AUTH_SOCK");
		Process process = builder.start();
		try (var out = process.getInputStream()) {
			String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException("ssh-keygen " + args + " did not end within 60 s");
			}
			return new Result(process.exitValue(), text);
		}
	}

}
