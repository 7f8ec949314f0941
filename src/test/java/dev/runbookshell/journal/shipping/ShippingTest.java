package dev.runbookshell.journal.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalWriter;
import dev.runbookshell.journal.SessionStatus;

class ShippingTest {

	private static final BlockRef BLOCK = new BlockRef("1.1", "dump", "sha256:00");

	@TempDir
	Path dir;

	@Test
	void aLongLineTravelsInPartsWithinTheLimitAndComesBackByteForByteAmongOtherLogLines() throws Exception {
		String output = "ünïcødé ✓ \"quoted\" \\ tab\t ESC\u001b[31m red 𝄞\n".repeat(400);
		Path journal = journal(output);
		List<String> lines = Files.readAllLines(journal);
		StringBuilder syslog = new StringBuilder("Dec  1 10:00:00 host cron[1]: {\"journal\" is not ours\n");
		for (int i = 0; i < lines.size(); i++) {
			Shipment.Line line = new Shipment.Line(i + 1, Instant.now(), "x", lines.get(i).getBytes(StandardCharsets.UTF_8));
			List<String> messages = ShipEnvelope.messages(journal.getFileName().toString(), line, 4096);
			assertThat(messages).allMatch(m -> m.getBytes(StandardCharsets.UTF_8).length <= 4096);
			for (String message : messages) {
				syslog.append("2026-12-01T10:00:00+00:00 laptop runbook-shell[42] ").append(message).append('\n');
				syslog.append("2026-12-01T10:00:00+00:00 laptop runbook-shell[42] ").append(message).append('\n');
			}
		}
		Path received = this.dir.resolve("received.log");
		Files.writeString(received, syslog, StandardCharsets.UTF_8);

		List<ShippedJournals.Rebuilt> rebuilt = ShippedJournals.rebuild(received, this.dir.resolve("rebuilt"));

		assertThat(rebuilt).singleElement().satisfies(r -> {
			assertThat(r.journal().verification().isBroken()).isFalse();
			assertThat(r.missingFrom()).isZero();
			assertThat(r.conflicts()).isZero();
		});
		assertThat(Files.readAllBytes(rebuilt.get(0).file())).isEqualTo(Files.readAllBytes(journal));
		assertThat(syslog.toString()).contains("\"parts\":");
	}

	@Test
	void aSinkThatHangsNeverHoldsUpTheWriterAndCloseGivesUpAfterItsBound() throws Exception {
		CountDownLatch forever = new CountDownLatch(1);
		List<String> warnings = new CopyOnWriteArrayList<>();
		JournalShipper shipper = JournalShipper.start(new FakeSink(() -> {
			try {
				forever.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new IOException("gone");
		}), warnings::add);
		try (JournalWriter writer = JournalWriter.create(this.dir, "plan", "local", Clock.systemUTC())) {
			writer.addLineListener(shipper);
			long start = System.nanoTime();
			for (int i = 0; i < 200; i++) {
				writer.write(new JournalEvent.Note("note " + i, null));
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
			long closing = System.nanoTime();
			writer.close();
			assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(JournalShipper.CLOSE_WAIT.plusSeconds(10));
		}
		assertThat(warnings).anyMatch(w -> w.contains("were not shipped to fake://sink within 5 s"));
	}

	@Test
	void aSinkThatFailsIsReportedOnceRetriedAndCaughtUpWhenItIsBack() throws Exception {
		AtomicBoolean up = new AtomicBoolean(false);
		List<Shipment> delivered = new CopyOnWriteArrayList<>();
		List<String> warnings = new CopyOnWriteArrayList<>();
		FakeSink sink = new FakeSink(() -> {
			if (!up.get()) {
				throw new IOException("Connection refused");
			}
		});
		sink.delivered = delivered;
		JournalShipper shipper = JournalShipper.start(sink, warnings::add);
		try (JournalWriter writer = JournalWriter.create(this.dir, "plan", "local", Clock.systemUTC())) {
			writer.addLineListener(shipper);
			for (int i = 0; i < 5; i++) {
				writer.write(new JournalEvent.Note("note " + i, null));
			}
			awaitTrue(() -> warnings.size() >= 1);
			writer.write(new JournalEvent.Note("while down", null));
			up.set(true);
			awaitTrue(() -> delivered.size() == 6);
		}
		assertThat(warnings).hasSize(2);
		assertThat(warnings.get(0)).contains("cannot ship to fake://sink (Connection refused); retrying");
		assertThat(warnings.get(1)).contains("shipping to fake://sink resumed");
		assertThat(delivered).extracting(s -> ((Shipment.Line) s).seq()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
	}

	@Test
	void aDirectoryCopyContinuesAfterAResumeAndLeavesAnotherJournalsCopyAlone() throws Exception {
		Path share = Files.createDirectories(this.dir.resolve("share"));
		ShipDestination destination = ShipDestination.parse(share.toUri().toString());
		DirectorySink sink = new DirectorySink(destination, "plan.jsonl");
		sink.send(line(1, "one"));
		sink.send(line(2, "two"));
		sink.close();

		DirectorySink resumed = new DirectorySink(destination, "plan.jsonl");
		resumed.send(line(1, "one"));
		resumed.send(line(2, "two"));
		resumed.send(line(3, "three"));
		assertThat(Files.readString(share.resolve("plan.jsonl"))).isEqualTo("one\ntwo\nthree\n");

		DirectorySink other = new DirectorySink(destination, "plan.jsonl");
		other.send(line(1, "one"));
		other.send(line(2, "TWO"));
		assertThat(Files.readString(share.resolve("plan.jsonl"))).isEqualTo("one\ntwo\nthree\n");
		assertThat(Files.readString(share.resolve("plan-2.jsonl"))).isEqualTo("one\nTWO\n");
	}

	@Test
	void aDestinationIsASyslogOrFileUriAndAMissingDirectoryIsRefused() {
		assertThat(ShipDestination.parse("syslog://logs.internal:6514").port()).isEqualTo(6514);
		assertThat(ShipDestination.parse("syslog://logs.internal").port()).isEqualTo(514);
		assertThatThrownBy(() -> ShipDestination.parse("http://x")).hasMessageContaining("expected syslog://host:port or file:///dir");
		assertThatThrownBy(() -> ShipDestination.parse("file:///no/such/share")).hasMessageContaining("no such directory");
	}

	private Path journal(String output) {
		try (JournalWriter writer = JournalWriter.create(this.dir, "plan", "local", Clock.systemUTC())) {
			writer.write(new JournalEvent.BlockStarted(BLOCK, "dump"));
			writer.write(new JournalEvent.BlockFinished(BLOCK, BlockStatus.SUCCEEDED, 0, 5, output, null, List.of()));
			writer.write(new JournalEvent.SessionFinished(SessionStatus.SUCCEEDED, Map.of()));
			return writer.path();
		}
	}

	private static Shipment.Line line(long seq, String text) {
		return new Shipment.Line(seq, Instant.now(), "note", text.getBytes(StandardCharsets.UTF_8));
	}

	private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not within 30 s");
			}
			Thread.sleep(10);
		}
	}

	/** A sink whose every send first runs {@code before} (which may block or throw). */
	private static final class FakeSink implements EventSink {

		interface Before {

			void run() throws IOException;

		}

		private final Before before;

		List<Shipment> delivered = new CopyOnWriteArrayList<>();

		FakeSink(Before before) {
			this.before = before;
		}

		@Override
		public void send(Shipment shipment) throws IOException {
			this.before.run();
			this.delivered.add(shipment);
		}

		@Override
		public String describe() {
			return "fake://sink";
		}

		@Override
		public void close() {
		}

	}

}
