package dev.runbookshell.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.runbookshell.journal.JournalCodec;
import dev.runbookshell.journal.JournalEvent.ToolRef;
import dev.runbookshell.journal.JournalWriter;
import dev.runbookshell.report.LiveMarkdownLog;
import dev.runbookshell.runbook.Annotations;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.FrontMatter;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.runbook.Section;
import dev.runbookshell.session.AutoConfirmer;
import dev.runbookshell.session.BlockPrompt;
import dev.runbookshell.session.RunSession;
import dev.runbookshell.session.SessionListener;
import dev.runbookshell.session.SessionSettings;
import dev.runbookshell.session.WrittenJournal;
import dev.runbookshell.targets.ExecRequest;
import dev.runbookshell.targets.OutputSink;
import dev.runbookshell.targets.TargetDefinition;
import dev.runbookshell.targets.TargetFactory;
import dev.runbookshell.targets.TargetPrompts;
import dev.runbookshell.targets.TargetSession;

/**
 * Per-block overhead of the session engine with the journal on: N trivial blocks ({@code true}) through RunSession
 * with AutoConfirmer and a real JournalWriter (fsync per event) and the live Markdown log beside it, as every real
 * session has (-Dbench.noMarkdownLog=true leaves it out), on the local target, against the same N blocks
 * sent straight to the target session. Overhead = (session - bare) / N.
 */
public class SessionOverhead {

	public static void main(String[] args) throws Exception {
		int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 300;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		Path logs = Files.createTempDirectory("session-bench");
		Runbook runbook = runbook(blocks);
		TargetFactory factory = new TargetFactory();
		TargetDefinition local = new TargetDefinition("local", "local", Map.of());
		SessionListener quiet = new SessionListener() {
			public void blockHeader(BlockPrompt block) {
			}

			public void output(byte[] buffer, int offset, int length) {
			}

			public void blockFinished(BlockReport report) {
			}

			public void warning(String text) {
			}

			public void message(String text) {
			}
		};
		for (int round = 1; round <= rounds; round++) {
			long bare;
			try (TargetSession target = factory.create(local).open(TargetPrompts.refusing())) {
				long start = System.nanoTime();
				for (Block block : runbook.flowBlocks()) {
					target.execute(ExecRequest.of(block.label(), block.command()), OutputSink.DISCARD);
				}
				bare = System.nanoTime() - start;
			}
			long session;
			TargetSession target = factory.create(local).open(TargetPrompts.refusing());
			JournalWriter writer = JournalWriter.create(logs, "bench", "local", Clock.systemUTC());
			if (!Boolean.getBoolean("bench.noMarkdownLog")) {
				// as SessionAssembly wires it for every real session
				writer.onProgress(new LiveMarkdownLog(writer.path(), writer.markdownPath()));
			}
			WrittenJournal journal = new WrittenJournal(() -> writer);
			try (RunSession run = RunSession.start(runbook, target, journal, new AutoConfirmer(), quiet,
					SessionSettings.of("local", "local", new ToolRef("bench", "0")))) {
				long start = System.nanoTime();
				run.runToEnd();
				run.finish();
				session = System.nanoTime() - start;
			}
			System.out.printf(Locale.ROOT,
					"round %d: %d blocks; bare target %.3f ms/block; session+journal %.3f ms/block; overhead %.3f ms/block%n",
					round, blocks, bare / 1e6 / blocks, session / 1e6 / blocks, (session - bare) / 1e6 / blocks);
		}
		System.out.println("journals in " + logs);
	}

	static Runbook runbook(int count) throws Exception {
		List<Block> blocks = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			String command = "true";
			String hash = "sha256:" + JournalCodec.sha256(command.getBytes(StandardCharsets.UTF_8));
			blocks.add(new Block("1." + i, "step-" + i, i * 4, "bash", true, true, "1", command + "\n", command, hash,
					Annotations.NONE, List.of(), List.of(), false));
		}
		return new Runbook("bench.md", "0", "bench", FrontMatter.EMPTY,
				List.of(new Section("1", "Steps", 2, 1, false, null)), blocks, List.of());
	}

}
