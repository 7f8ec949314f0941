package dev.runbookshell.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.JournalEvent.BlockFinished;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.journal.JournalEvent.BlockStarted;
import dev.runbookshell.journal.JournalEvent.FailedCommand;
import dev.runbookshell.journal.JournalReader;
import dev.runbookshell.journal.JournalWriter;

class JunitReportTest {

	@TempDir
	Path dir;

	String xml;

	@BeforeEach
	void render() {
		Path journal = RecordedRuns.record(this.dir, "prod", RecordedRuns.START, true, "2025-03-01T02:00:10Z");
		this.xml = new JunitReport().render(Run.of(new JournalReader().read(journal)));
	}

	@Test
	void matchesTheGoldenJunitXml() throws Exception {
		GoldenFile.assertMatches("junit.xml", this.xml);
	}

	@Test
	void isValidAgainstTheCommonJunitSchema() throws Exception {
		validator().validate(new StreamSource(new StringReader(this.xml)));
	}

	@Test
	void theSchemaRejectsAReportWithoutRequiredCounts() throws Exception {
		String broken = this.xml.replaceFirst(" failures=\"1\"", "");
		assertThatThrownBy(() -> validator().validate(new StreamSource(new StringReader(broken))))
			.hasMessageContaining("failures");
	}

	@Test
	void theSuiteCountsBlocksByOutcomeAndNamesRunbookAndTarget() throws Exception {
		Element suite = parse().getDocumentElement();
		assertThat(suite.getAttribute("name")).isEqualTo("Database <move>");
		assertThat(suite.getAttribute("hostname")).isEqualTo("prod");
		assertThat(suite.getAttribute("tests")).isEqualTo("5");
		assertThat(suite.getAttribute("failures")).isEqualTo("1");
		assertThat(suite.getAttribute("skipped")).isEqualTo("1");
		assertThat(suite.getAttribute("timestamp")).isEqualTo("2025-03-01T02:00:00");
	}

	@Test
	void aFailedBlockIsAFailureWithItsExitCodeAndOutput() throws Exception {
		Element dump = testcase("2.1 dump-db");
		assertThat(dump.getAttribute("classname")).isEqualTo("Backup & data");
		assertThat(dump.getAttribute("time")).isEqualTo("3.400");
		Element failure = (Element) dump.getElementsByTagName("failure").item(0);
		assertThat(failure.getAttribute("message")).isEqualTo("failed with exit code 1");
		assertThat(failure.getTextContent()).isEqualTo("expectation not met: dump complete");
		assertThat(dump.getElementsByTagName("system-out").item(0).getTextContent())
			.contains("<script>alert(1)</script>", "password **** rejected");
	}

	@Test
	void aSkippedBlockIsSkippedAndNestedSectionsGiveAPathAsClassname() throws Exception {
		assertThat(testcase("2.2 vacuum").getElementsByTagName("skipped").getLength()).isEqualTo(1);
		assertThat(testcase("3.1.1 switch-dns").getAttribute("classname")).isEqualTo("Cut-over / DNS");
	}

	@Test
	void outputContainingTheCdataEndAndControlCharactersStaysWellFormed() throws Exception {
		assertThat(JunitReport.safe("a\u001B[0m\u0000b]]>")).isEqualTo("a[0mb]]>");
		Path journal = RecordedRuns.record(this.dir.resolve("cdata"), "dev", RecordedRuns.START, false, "x]]>y\u0007");
		String text = new JunitReport().render(Run.of(new JournalReader().read(journal)));
		validator().validate(new StreamSource(new StringReader(text)));
		assertThat(text).contains("x]]]]><![CDATA[>y");
	}

	@Test
	void aBlockThatFollowsOutputStoppedBeforeItsEndIsNeverAPassNorAFailure() throws Exception {
		Path journal = RecordedFleet.host(this.dir.resolve("stopped"), "h1", RecordedRuns.START, false);
		this.xml = new JunitReport().render(Run.of(new JournalReader().read(journal)));
		validator().validate(new StreamSource(new StringReader(this.xml)));
		assertThat(parse().getDocumentElement().getAttribute("errors")).isEqualTo("0");
		assertThat(parse().getDocumentElement().getAttribute("failures")).isEqualTo("0");
		assertThat(parse().getDocumentElement().getAttribute("skipped")).isEqualTo("1");
		Element skipped = (Element) testcase("1.3 watch").getElementsByTagName("skipped").item(0);
		assertThat(skipped).as(this.xml).isNotNull();
		assertThat(skipped.getAttribute("message")).startsWith("stopped after 400 ms");
		assertThat(testcase("1.2 migrate").getElementsByTagName("error").getLength()).isZero();
	}

	@Test
	void aRetriedBlockPassesAndNamesEachAttemptOnSystemErrAfterItsOutput() throws Exception {
		Path journal = RecordedFleet.host(this.dir.resolve("retried"), "h2", RecordedRuns.START, true);
		this.xml = new JunitReport().render(Run.of(new JournalReader().read(journal)));
		validator().validate(new StreamSource(new StringReader(this.xml)));
		Element migrate = testcase("1.2 migrate");
		assertThat(migrate.getElementsByTagName("failure").getLength()).isZero();
		assertThat(migrate.getElementsByTagName("system-out").item(0).getTextContent())
			.isEqualTo("migrated on the second try\n");
		assertThat(migrate.getElementsByTagName("system-err").item(0).getTextContent())
			.isEqualTo("ran 2 times: failed (exit 3) → succeeded\n");
	}

	@Test
	void aBlockThatWentOnAfterFailedCommandsKeepsTheSchemasOrderOfOutputAndWarnings() throws Exception {
		BlockRef block = RecordedFleet.MIGRATE;
		Path journal;
		try (JournalWriter writer = JournalWriter.create(this.dir.resolve("went-on"), "deploy", "h1",
				new RecordedRuns.TestClock(RecordedRuns.START))) {
			writer.write(new BlockStarted(block, "./migrate"));
			writer.write(new BlockFinished(block, BlockStatus.SUCCEEDED_WITH_FAILURES, 0, 10, "half done\n", null,
					List.of(), List.of(new FailedCommand(4, 1, "grep x")), 1, null));
			journal = writer.path();
		}
		this.xml = new JunitReport().render(Run.of(new JournalReader().read(journal)));
		validator().validate(new StreamSource(new StringReader(this.xml)));
		assertThat(this.xml).containsSubsequence("<system-out><![CDATA[half done",
				"<system-err><![CDATA[succeeded with 1 failed command");
	}

	private Element testcase(String name) throws Exception {
		NodeList cases = parse().getElementsByTagName("testcase");
		for (int i = 0; i < cases.getLength(); i++) {
			Element element = (Element) cases.item(i);
			if (element.getAttribute("name").equals(name)) {
				return element;
			}
		}
		throw new AssertionError("no testcase " + name);
	}

	private Document parse() throws Exception {
		return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(this.xml)));
	}

	private static Validator validator() throws Exception {
		URL xsd = JunitReportTest.class.getResource("/report/junit.xsd");
		return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd).newValidator();
	}

}
