package dev.runbookshell.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.journal.JournalEvent.ToolRef;
import dev.runbookshell.journal.JournalWriter;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.targets.Target;
import dev.runbookshell.targets.TargetDefinition;
import dev.runbookshell.targets.TargetException;
import dev.runbookshell.targets.TargetPrompts;
import dev.runbookshell.targets.TargetSession;

class SessionAssemblyTest {

	@TempDir
	Path dir;

	private final Map<String, FakeTarget> opened = new ConcurrentHashMap<>();

	private final List<Path> journalsSeen = new ArrayList<>();

	private final SessionAssembly assembly = new SessionAssembly(this::target, new ToolRef("runbook-shell", "test"),
			Clock.systemUTC(), this::seen);

	@Test
	void aSessionIsStartedOnTheOpenedTargetInANewJournalInTheLogFolder() throws Exception {
		Runbook runbook = runbook();
		TargetDefinition target = SessionAssembly.target(runbook, "staging");

		try (RunSession session = this.assembly.open(request(runbook, target, this.assembly.settings(target)))) {
			assertThat(Path.of(session.journalLocation())).startsWith(this.dir.resolve("logs"));
			assertThat(Files.readString(Path.of(session.journalLocation()))).contains("\"session-started\"",
					"\"staging\"");
		}
		assertThat(this.opened.get("staging").closed).isTrue();
		assertThat(this.journalsSeen).hasSize(1);
	}

	@Test
	void aSessionThatIsRefusedClosesTheOpenedTargetAndWritesNoJournal() throws Exception {
		Runbook runbook = runbook();
		TargetDefinition target = SessionAssembly.target(runbook, "staging");
		SessionSettings settings = this.assembly.settings(target).withRange("no-such-block", null);

		assertThatThrownBy(() -> this.assembly.open(request(runbook, target, settings)))
			.isInstanceOf(SessionRefusedException.class)
			.hasMessageContaining("no-such-block");
		assertThat(this.opened.get("staging").closed).isTrue();
		assertThat(this.dir.resolve("logs")).doesNotExist();
	}

	@Test
	void aTargetThatCannotBeOpenedIsNamedWithItsUriAndNothingElseIsOpened() {
		Runbook runbook = runbook();
		TargetDefinition target = SessionAssembly.target(runbook, "down");

		assertThatThrownBy(() -> this.assembly.open(request(runbook, target, this.assembly.settings(target))))
			.isInstanceOf(TargetException.class)
			.hasMessage("down (ssh://nobody@127.0.0.1:1): connection refused");
		assertThat(this.dir.resolve("logs")).doesNotExist();
	}

	@Test
	void anUnknownTargetNameIsRefusedListingTheDeclaredOnes() {
		assertThatThrownBy(() -> SessionAssembly.target(runbook(), "prod"))
			.isInstanceOf(SessionRefusedException.class)
			.hasMessageContaining("unknown target 'prod'")
			.hasMessageContaining("staging").hasMessageContaining("down");
	}

	@Test
	void severalThreadsEachOpenASessionOfTheirOwn() throws Exception {
		Runbook runbook = runbook();
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> journals = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				TargetDefinition host = new TargetDefinition("host" + i, "ssh://host" + i, Map.of());
				journals.add(threads.submit(() -> {
					try (RunSession session = this.assembly.open(request(runbook, host, this.assembly.settings(host)))) {
						session.runToEnd();
						return session.journalLocation();
					}
				}));
			}
			List<String> written = new ArrayList<>();
			for (Future<String> journal : journals) {
				written.add(journal.get(30, TimeUnit.SECONDS));
			}
			assertThat(written).doesNotHaveDuplicates().hasSize(4);
			for (int i = 0; i < 4; i++) {
				assertThat(this.opened.get("host" + i).closed).isTrue();
			}
			try (Stream<Path> files = Files.list(this.dir.resolve("logs"))) {
				assertThat(files.filter(f -> f.toString().endsWith(".jsonl"))).hasSize(4);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private SessionRequest request(Runbook runbook, TargetDefinition target, SessionSettings settings) {
		return new SessionRequest(runbook, target, settings, new AutoConfirmer(), new RecordingListener(),
				TargetPrompts.refusing(), this.dir.resolve("logs"), JournalProof.none());
	}

	private Target target(TargetDefinition definition) {
		return new Target() {
			@Override
			public String name() {
				return definition.name();
			}

			@Override
			public String uri() {
				return definition.uri();
			}

			@Override
			public TargetSession open(TargetPrompts prompts) throws TargetException {
				if (definition.name().equals("down")) {
					throw new TargetException(TargetException.Reason.CONNECT, "connection refused");
				}
				FakeTarget session = new FakeTarget();
				SessionAssemblyTest.this.opened.put(definition.name(), session);
				return session;
			}
		};
	}

	private synchronized void seen(JournalWriter writer) {
		this.journalsSeen.add(writer.path());
	}

	private Runbook runbook() {
		try {
			Path file = this.dir.resolve("plan.md");
			Files.writeString(file, """
					---
					targets:
					  staging: ssh://deploy@staging-db
					  down: ssh://nobody@127.0.0.1:1
					---
					# Plan

					## Prepare

					```bash
					echo ready
					```
					""");
			return SessionAssembly.parse(file);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
