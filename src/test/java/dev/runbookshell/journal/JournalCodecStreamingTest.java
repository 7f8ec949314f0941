package dev.runbookshell.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.runbookshell.journal.JournalEvent.BlockFinished;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.journal.JournalEvent.BlockStarted;
import dev.runbookshell.journal.JournalEvent.Check;
import dev.runbookshell.journal.JournalEvent.Decision;
import dev.runbookshell.journal.JournalEvent.ExpectationResult;
import dev.runbookshell.journal.JournalEvent.FailedCommand;
import dev.runbookshell.journal.JournalEvent.Note;
import dev.runbookshell.journal.JournalEvent.RunbookRef;
import dev.runbookshell.journal.JournalEvent.SessionFinished;
import dev.runbookshell.journal.JournalEvent.SessionResumed;
import dev.runbookshell.journal.JournalEvent.SessionStarted;
import dev.runbookshell.journal.JournalEvent.ShellSnapshot;
import dev.runbookshell.journal.JournalEvent.TargetMarker;
import dev.runbookshell.journal.JournalEvent.TargetRef;
import dev.runbookshell.journal.JournalEvent.ToolRef;
import dev.runbookshell.journal.JournalEvent.VariableSet;

/**
 * The codec streams a line to Jackson's generator; journals written before were built as a tree of the event and
 * then written. Both must give the same bytes, or the hash chain of a resumed journal breaks.
 */
class JournalCodecStreamingTest {

	private static final String AWKWARD = "caf\u00e9 \u2603 \ud83d\ude80 \"quoted\" back\\slash\ttab\nline\u0001\u001e\u007f </script> lone \ud800";

	private final JournalCodec codec = new JournalCodec();

	static Stream<JournalEvent> everyEventType() {
		BlockRef block = new BlockRef("4.1", "migrate " + AWKWARD, "sha256:ab");
		Map<String, String> sections = new LinkedHashMap<>();
		sections.put("4", "Cut over");
		sections.put("4.1", AWKWARD);
		sections.put("9", null);
		Map<String, String> exports = new LinkedHashMap<>();
		exports.put("PATH", "/usr/bin:/bin");
		exports.put("EMPTY", "");
		exports.put("ODD", AWKWARD);
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("succeeded", 3);
		counts.put("timed-out", 0);
		counts.put("not-run", null);
		return Stream.of(
				new SessionStarted(new RunbookRef("plans/db.md", "ab12", AWKWARD),
						new TargetRef("prod", "ssh://ops@db1:22", null), "alice", "laptop",
						new ToolRef("runbook-shell", "0.1.0"), RunMode.ANSWERS, sections, List.of("4.1", "4.2")),
				new SessionStarted(new RunbookRef("a.md", "00", null), new TargetRef("local", "local", "host"), null,
						null, new ToolRef("runbook-shell", null), null, null, null),
				new Decision(block, DecisionChoice.EDIT_RETRY, "pg_dump " + AWKWARD),
				new Decision(block, DecisionChoice.RUN, null),
				new BlockStarted(block, "echo " + AWKWARD, new TargetMarker("/tmp/s/.block", 4242L, "abcdef0123456789")),
				new BlockStarted(block, "true"),
				new BlockFinished(block, BlockStatus.SUCCEEDED_WITH_FAILURES, 0, 1234567890123L, AWKWARD, null,
						List.of(new ExpectationResult("ok", true), new ExpectationResult(AWKWARD, false)),
						List.of(new FailedCommand(12, 127, "nope " + AWKWARD), new FailedCommand(13, 1, "")), 2,
						new ShellSnapshot("/srv/" + AWKWARD, exports, Map.of("f", "f () \n{ \n    :\n}\n"),
								List.of("DB_PASSWORD"), true)),
				new BlockFinished(block, BlockStatus.TIMED_OUT, null, 0, "", "x.4_1.1.out", List.of()),
				new BlockFinished(block, BlockStatus.FAILED, -1, 5, null, null, null, null, null,
						new ShellSnapshot("/", Map.of(), Map.of(), List.of(), false)),
				new VariableSet("DB_HOST", AWKWARD, false),
				new VariableSet("DB_PASSWORD", "****", true),
				new Check(Integer.MAX_VALUE, AWKWARD, "2", CheckState.UNVERIFIED, null),
				new Check(0, "backup copied", null, CheckState.CHECKED, "n " + AWKWARD),
				new Note(AWKWARD, block),
				new Note("", null),
				new SessionResumed("bob", "ci", RunMode.REPLAY, List.of("4.1", AWKWARD)),
				new SessionResumed(null, null, null, null),
				new SessionFinished(SessionStatus.INTERRUPTED, counts),
				new SessionFinished(SessionStatus.SUCCEEDED, Map.of()));
	}

	@ParameterizedTest
	@MethodSource("everyEventType")
	void aLineIsTheBytesTheTreeOfItsEventGave(JournalEvent event) throws Exception {
		for (String prev : Arrays.asList("", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", null)) {
			JournalEntry entry = new JournalEntry(Long.MAX_VALUE - 1, Instant.parse("2025-03-01T02:00:00.123456Z"),
					prev, event, 0);

			byte[] streamed = this.codec.encodeBytes(entry);

			assertThat(streamed).isEqualTo(treeLine(entry).getBytes(StandardCharsets.UTF_8));
			assertThat(this.codec.encode(entry)).isEqualTo(treeLine(entry));
		}
	}

	@Test
	void everyEventTypeIsCovered() {
		assertThat(JournalEvent.class.getPermittedSubclasses()).allSatisfy(kind -> assertThat(
				everyEventType().anyMatch(kind::isInstance)).as(kind.getSimpleName()).isTrue());
	}

	@Test
	void aStreamedLineReadsBackIntoTheSameEvent() {
		everyEventType().filter(event -> !(event instanceof SessionStarted started && started.sections() != null)
				&& !(event instanceof SessionFinished finished && finished.counts().containsKey("not-run")))
			.forEach(event -> {
				JournalEntry entry = new JournalEntry(3, Instant.parse("2025-03-01T02:00:00Z"), "aa", event, 0);

				assertThat(this.codec.decode(this.codec.encode(entry), 1).event()).isEqualTo(event);
			});
	}

	/** How builds before the streaming codec wrote a line: the event as a tree, the header put first. */
	private String treeLine(JournalEntry entry) throws Exception {
		ObjectMapper mapper = this.codec.mapper();
		ObjectNode line = mapper.createObjectNode();
		line.put("seq", entry.seq());
		line.put("at", JournalCodec.formatInstant(entry.at()));
		line.put("type", entry.event().type());
		line.put("prev", entry.prev());
		ObjectNode fields = mapper.valueToTree(entry.event());
		for (String name : new String[] { "seq", "at", "type", "prev" }) {
			fields.remove(name);
		}
		line.setAll(fields);
		return mapper.writeValueAsString(line);
	}

}
