package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.testsupport.RsyslogServer;
import dev.runbookshell.testsupport.SshKeygen;

/**
 * {@code run --ship} against a real rsyslogd on a loopback port, through the built jar: the server's file alone
 * rebuilds the journal byte for byte (long output cut into parts included), a server that goes away mid-run is
 * reported once and caught up with when it is back, one that stays away never holds the session up, and a
 * directory copy is itself a journal.
 */
class ShipJournalIT {

	private static final String PLAN = """
			# Shipped

			## One

			```bash {name=first}
			echo "first block: héllo ✓"
			seq 1 3000
			```

			## Two

			```bash {name=wait-one}
			for i in $(seq 1 600); do [ -f go-one ] && break; sleep 0.1; done
			echo "second block"
			```

			## Three

			```bash {name=wait-two}
			for i in $(seq 1 600); do [ -f go-two ] && break; sleep 0.1; done
			echo "third block"
			```
			""";

	@TempDir
	Path dir;

	@Test
	void theServersFileAloneRebuildsTheJournalAndItsSignatureAfterTheServerWentAwayAndCameBack() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), PLAN);
		Path key = SshKeygen.generate(this.dir.resolve("id_ed25519"), "ed25519", 0, "", "alice@example.com");
		Files.writeString(this.dir.resolve("allowed_signers"),
				SshKeygen.allowedSignersLine("alice@example.com", "", this.dir.resolve("id_ed25519.pub")) + "\n");
		try (RsyslogServer syslog = RsyslogServer.start(this.dir.resolve("rsyslog"))) {
			Process run = RunbookCli.start(this.dir, "run", "plan.md", "--yes", "--log-dir", "logs", "--sign-key",
					key.toString(), "--ship", "syslog://127.0.0.1:" + syslog.port());
			awaitFile(syslog.received(), text -> text.contains("\"block-started\"") && text.contains("wait-one"));
			syslog.stop();
			Files.writeString(this.dir.resolve("go-one"), "");
			awaitFile(this.dir.resolve(".stderr"), text -> text.contains("cannot ship to syslog://127.0.0.1:"));
			syslog.startAgain();
			awaitFile(this.dir.resolve(".stderr"), text -> text.contains("resumed"));
			Files.writeString(this.dir.resolve("go-two"), "");
			RunbookCli.Result result = RunbookCli.waitFor(run, this.dir, Duration.ofSeconds(120));

			assertThat(result.exitCode()).as(result.all()).isZero();
			assertThat(result.stderr().split("cannot ship", -1)).as("reported once: " + result.stderr()).hasSize(2);
			Path journal = RunbookCli.journal(this.dir.resolve("logs"));
			awaitFile(syslog.received(), text -> text.contains("\"session-finished\""));
			syslog.stop();

			RunbookCli.Result rebuilt = RunbookCli.run(this.dir, Duration.ofSeconds(60), "journal", "rebuild",
					syslog.received().toString(), "--out", "rebuilt");

			assertThat(rebuilt.exitCode()).as(rebuilt.all()).isZero();
			assertThat(rebuilt.stdout()).contains("hash chain intact");
			Path copy = this.dir.resolve("rebuilt").resolve(journal.getFileName());
			assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(journal));
			assertThat(Files.readString(syslog.received())).as("a long line travels in parts").contains("\"part\":2");
			RunbookCli.Result verified = RunbookCli.run(this.dir, Duration.ofSeconds(60), "report", copy.toString(),
					"--verify", "allowed_signers");
			assertThat(verified.exitCode()).as(verified.all()).isZero();
			assertThat(verified.stderr()).contains("good signature of all", "by alice@example.com");
		}
	}

	@Test
	void aServerThatStaysAwayNeverHoldsTheSessionUpAndTheCopyIsAnIntactPrefix() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), PLAN);
		Files.writeString(this.dir.resolve("go-two"), "");
		try (RsyslogServer syslog = RsyslogServer.start(this.dir.resolve("rsyslog"))) {
			Process run = RunbookCli.start(this.dir, "run", "plan.md", "--yes", "--log-dir", "logs", "--ship",
					"syslog://127.0.0.1:" + syslog.port());
			awaitFile(syslog.received(), text -> text.contains("\"block-started\"") && text.contains("wait-one"));
			syslog.stop();
			long stopped = System.nanoTime();
			Files.writeString(this.dir.resolve("go-one"), "");
			RunbookCli.Result result = RunbookCli.waitFor(run, this.dir, Duration.ofSeconds(120));
			Duration afterStop = Duration.ofNanos(System.nanoTime() - stopped);

			assertThat(result.exitCode()).as(result.all()).isZero();
			assertThat(result.stderr()).contains("cannot ship to syslog://127.0.0.1:" + syslog.port())
				.contains("were not shipped");
			assertThat(afterStop).as("the session waits on the sink at most its bound").isLessThan(Duration.ofSeconds(60));
			Path journal = RunbookCli.journal(this.dir.resolve("logs"));
			assertThat(Files.readString(journal)).contains("\"session-finished\"");

			RunbookCli.Result rebuilt = RunbookCli.run(this.dir, Duration.ofSeconds(60), "journal", "rebuild",
					syslog.received().toString(), "--out", "rebuilt");
			assertThat(rebuilt.stdout()).as(rebuilt.all()).contains("hash chain intact");
			byte[] copy = Files.readAllBytes(this.dir.resolve("rebuilt").resolve(journal.getFileName()));
			byte[] original = Files.readAllBytes(journal);
			assertThat(copy.length).isLessThan(original.length);
			assertThat(new String(original, StandardCharsets.ISO_8859_1))
				.startsWith(new String(copy, StandardCharsets.ISO_8859_1));
		}
	}

	@Test
	void aDirectoryCopyIsTheJournalItselfAndReportReadsIt() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), PLAN);
		Files.writeString(this.dir.resolve("go-one"), "");
		Files.writeString(this.dir.resolve("go-two"), "");
		Path share = Files.createDirectories(this.dir.resolve("share"));

		RunbookCli.Result result = RunbookCli.run(this.dir, Duration.ofSeconds(120), "run", "plan.md", "--yes",
				"--log-dir", "logs", "--ship", share.toUri().toString());

		assertThat(result.exitCode()).as(result.all()).isZero();
		Path journal = RunbookCli.journal(this.dir.resolve("logs"));
		Path copy = share.resolve(journal.getFileName());
		assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(journal));
		RunbookCli.Result report = RunbookCli.run(this.dir, Duration.ofSeconds(60), "report", copy.toString());
		assertThat(report.exitCode()).as(report.all()).isZero();
		assertThat(report.stdout()).contains("third block");

		RunbookCli.Result missing = RunbookCli.run(this.dir, Duration.ofSeconds(60), "run", "plan.md", "--yes",
				"--ship", "file:///nonexistent/share");
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.stderr()).contains("file:///nonexistent/share: no such directory");
	}

	private static void awaitFile(Path file, Predicate<String> condition) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			if (Files.exists(file) && condition.test(Files.readString(file, StandardCharsets.ISO_8859_1))) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("not seen in " + file + " within 90 s: "
				+ (Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "(no file)"));
	}

}
