package dev.runbookshell.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.CheckState;
import dev.runbookshell.journal.DecisionChoice;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalReader;
import dev.runbookshell.journal.JournalWriter;
import dev.runbookshell.journal.RunMode;
import dev.runbookshell.journal.SessionStatus;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ParseResult;
import dev.runbookshell.runbook.RunbookParser;

class RunbookRecordTest {

	@TempDir
	Path dir;

	@Test
	void strippingTheInsertedPartsGivesBackTheOriginalBytesCrlfAndMojibakeIncluded() throws Exception {
		byte[] original = runbook("\r\n", true);

		byte[] record = render(original);

		assertThat(record).isNotEqualTo(original);
		assertThat(RecordMarkers.strip(record)).isEqualTo(original);
		String text = new String(record, StandardCharsets.ISO_8859_1);
		assertThat(text).as("inserted lines keep the file's line end").doesNotContain("-->\n").contains("-->\r\n");
		assertThat(text).contains("caf\u00e9 au lait").as("the Latin-1 byte is still a lone byte");
	}

	@Test
	void aFileWithoutALastNewlineAndLfLineEndsComesBackToo() throws Exception {
		byte[] original = runbook("\n", false);

		assertThat(RecordMarkers.strip(render(original))).isEqualTo(original);
	}

	@Test
	void underEachBlockStandsItsOutcomeTheDecisionsTheEditedTextAndTheFoldedOutput() throws Exception {
		String record = new String(render(runbook("\n", true)), StandardCharsets.UTF_8);

		assertThat(record).contains("✅ **1.1 prepare: succeeded** · exit 0")
			.contains("Decided *run* by alice at 2025-03-01 02:00:0")
			.contains("❌ **2.1 migrate: failed** · exit 3")
			.contains("Decided *edit* by alice")
			.contains("> > Ran, as edited by the operator:\n> >\n> > ```bash\n> > ./migrate --dry-run=false\n> > ```")
			.contains("> <details open><summary>Output: 2 lines</summary>\n>\n> ```text\n> migrating\n> error: table locked\n> ```\n>\n> </details>")
			.contains("   <details><summary>Output: 1 line</summary>")
			.doesNotContain("with the values filled in")
			.contains("⬜ **3.1 cleanup: not run** in this session")
			.contains("- [x] Backups are readable<!-- runbook-shell:check ticked --> *✅ checked by alice at ")
			.contains("📋 **Record of a run by runbook-shell test**: on **prod**, by alice on laptop (interactive)");
		assertThat(record.indexOf("<!-- runbook-shell:record session -->"))
			.as("the summary comes after the front matter").isGreaterThan(record.indexOf("title: Record"));
	}

	@Test
	void aBlockRunTwiceShowsEachAttemptWithItsOwnCommandAndOutput() throws Exception {
		byte[] bytes = render(runbook("\n", true), (writer, migrate) -> {
			writer.write(new JournalEvent.Decision(migrate, DecisionChoice.RUN, null));
			writer.write(new JournalEvent.BlockStarted(migrate, "./migrate"));
			writer.write(new JournalEvent.BlockFinished(migrate, BlockStatus.FAILED, 3, 40, "error: table locked\n", null,
					List.of()));
			writer.write(new JournalEvent.Decision(migrate, DecisionChoice.EDIT_RETRY, "./migrate --wait"));
			writer.write(new JournalEvent.BlockStarted(migrate, "./migrate --wait"));
			writer.write(new JournalEvent.BlockFinished(migrate, BlockStatus.SUCCEEDED, 0, 70, "migrated\n", null,
					List.of()));
		});
		String record = new String(bytes, StandardCharsets.UTF_8);

		String migrate = record.substring(record.indexOf("runbook-shell:record block 2.1"));
		migrate = migrate.substring(0, migrate.indexOf("/runbook-shell:record"));
		assertThat(migrate).contains("✅ **2.1 migrate: succeeded**")
			.contains("\n> > **Attempt 1 of 2: failed** · exit 3 · took 40 ms")
			.contains("\n> > **Attempt 2 of 2: succeeded** · exit 0 · took 70 ms")
			.as("the failed attempt's output is on record too").contains("> error: table locked")
			.contains("> migrated");
		assertThat(migrate.indexOf("error: table locked")).as("in order").isLessThan(migrate.indexOf("> migrated"));
		assertThat(migrate.split("Ran, as edited by the operator", -1)).as("only the second attempt ran an edit")
			.hasSize(2);
		assertThat(migrate.indexOf("Ran, as edited by the operator")).isGreaterThan(migrate.indexOf("Attempt 2 of 2"));
		assertThat(RecordMarkers.strip(bytes)).isEqualTo(runbook("\n", true));
	}

	@Test
	void theRecordStillParsesAsTheSameDocumentWithEveryOriginalBlockIntact() throws Exception {
		byte[] original = runbook("\n", true);
		String record = new String(render(original), StandardCharsets.UTF_8);
		String source = new String(original, StandardCharsets.UTF_8);

		List<String> originalBlocks = fencedLiterals(source);
		List<String> recordBlocks = fencedLiterals(record);
		assertThat(headings(record)).isEqualTo(headings(source));
		int next = 0;
		for (String literal : recordBlocks) {
			if (next < originalBlocks.size() && literal.equals(originalBlocks.get(next))) {
				next++;
			}
		}
		assertThat(next).as("every original code block, in order, unchanged").isEqualTo(originalBlocks.size());
	}

	/**
	 * A runbook with front matter, a block in a list item, a block in a quote, a checklist, a Latin-1 byte in prose,
	 * and an unclosed fence at its end.
	 */
	private byte[] runbook(String eol, boolean lastNewline) throws Exception {
		String text = String.join(eol, "---", "title: Record", "---", "# Record", "", "## Prepare", "",
				"1. Make room:", "   ```bash {name=prepare}", "   echo ready", "   ```", "2. Then migrate.", "",
				"## Migrate", "", "> ```bash {name=migrate}", "> ./migrate", "> ```", "Text right after the quote.",
				"", "- [ ] Backups are readable", "- [ ] Nobody complained", "", "## Clean up", "",
				"Over a caf\u00e9 au lait:", "", "```bash {name=cleanup}", "rm -rf /tmp/migrate-work");
		// é in Latin-1 (0xE9) in prose: invalid UTF-8, as in a file saved by an old editor (in a block it is refused)
		String latin1 = (text + (lastNewline ? eol : "")).replace("caf\u00e9", "caf\u0000");
		byte[] file = latin1.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < file.length; i++) {
			if (file[i] == 0) {
				file[i] = (byte) 0xE9;
			}
		}
		Files.write(this.dir.resolve("plan.md"), file);
		return file;
	}

	/** Writes what the journal says about the migrate block. */
	private interface MigrateEvents {
		void write(JournalWriter writer, BlockRef migrate);
	}

	private byte[] render(byte[] original) throws Exception {
		return render(original, (writer, migrate) -> {
			writer.write(new JournalEvent.Decision(migrate, DecisionChoice.EDIT, "./migrate --dry-run=false"));
			writer.write(new JournalEvent.BlockStarted(migrate, "./migrate --dry-run=false"));
			writer.write(new JournalEvent.BlockFinished(migrate, BlockStatus.FAILED, 3, 40, "migrating\nerror: table locked\n",
					null, List.of()));
		});
	}

	private byte[] render(byte[] original, MigrateEvents migrateEvents) throws Exception {
		Path plan = this.dir.resolve("plan.md");
		ParseResult parsed = new RunbookParser().read(plan);
		Map<String, BlockRef> refs = new java.util.HashMap<>();
		for (Block block : parsed.runbook().executableBlocks()) {
			refs.put(block.name(), new BlockRef(block.id(), block.name(), block.hash()));
		}
		Path journal;
		RecordedRuns.TestClock clock = new RecordedRuns.TestClock(Instant.parse("2025-03-01T02:00:00Z"));
		try (JournalWriter writer = JournalWriter.create(this.dir, "plan", "prod", clock)) {
			writer.write(new JournalEvent.SessionStarted(new JournalEvent.RunbookRef("plan.md", parsed.runbook().sha256(),
					"Record"), new JournalEvent.TargetRef("prod", "ssh://ops@db1", "SHA256:x"), "alice", "laptop",
					new JournalEvent.ToolRef("runbook-shell", "test"), RunMode.INTERACTIVE, null, null));
			BlockRef prepare = refs.get("prepare");
			writer.write(new JournalEvent.Decision(prepare, DecisionChoice.RUN, null));
			writer.write(new JournalEvent.BlockStarted(prepare, "echo ready"));
			writer.write(new JournalEvent.BlockFinished(prepare, BlockStatus.SUCCEEDED, 0, 12, "ready\n", null, List.of()));
			migrateEvents.write(writer, refs.get("migrate"));
			writer.write(new JournalEvent.Check(21, "Backups are readable", "2", CheckState.CHECKED, null));
			writer.write(new JournalEvent.Check(22, "Nobody complained", "2", CheckState.UNVERIFIED, null));
			writer.write(new JournalEvent.SessionFinished(SessionStatus.FAILED, Map.of("succeeded", 1, "failed", 1)));
			journal = writer.path();
		}
		return new RunbookRecord().render(new JournalReader().read(journal), parsed, original);
	}

	private static List<String> fencedLiterals(String markdown) {
		List<String> literals = new ArrayList<>();
		Parser.builder().build().parse(markdown).accept(new AbstractVisitor() {
			@Override
			public void visit(FencedCodeBlock block) {
				literals.add(block.getLiteral());
			}
		});
		return literals;
	}

	private static List<String> headings(String markdown) {
		List<String> headings = new ArrayList<>();
		Parser.builder().build().parse(markdown).accept(new AbstractVisitor() {
			@Override
			public void visit(Heading heading) {
				headings.add(heading.getLevel() + ":" + ((org.commonmark.node.Text) heading.getFirstChild()).getLiteral());
			}
		});
		return headings;
	}

}
