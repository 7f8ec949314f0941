package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import dev.runbookshell.runbook.RunbookParser;

class MaskedHistoryTest {

	@TempDir
	Path home;

	private final CurrentRunbook current = new CurrentRunbook();

	private final MaskedHistory history = new MaskedHistory(this.current,
			new DefaultListableBeanFactory().getBeanProvider(InteractiveSession.class));

	private Terminal terminal;

	@AfterEach
	void close() throws IOException {
		if (this.terminal != null) {
			this.terminal.close();
		}
	}

	private Path attach() throws IOException {
		Path file = this.home.resolve(".runbook-shell/history");
		this.terminal = TerminalBuilder.builder()
			.system(false)
			.streams(InputStream.nullInputStream(), new ByteArrayOutputStream())
			.build();
		LineReader reader = LineReaderBuilder.builder().terminal(this.terminal).history(this.history).build();
		reader.setVariable(LineReader.HISTORY_FILE, file);
		this.history.attach(reader);
		return file;
	}

	@Test
	void setOfAVariableNamedLikeASecretIsKeptMaskedInAnOwnerOnlyFile() throws IOException {
		Path file = attach();
		this.history.add(Instant.now(), "set API_Token tok-4711");
		this.history.add(Instant.now(), "set db-password 'pa ss'");
		this.history.add(Instant.now(), "set NEW_HOST db2");

		assertThat(Files.readString(file)).contains("set API_Token ****", "set db-password ****", "set NEW_HOST db2")
			.doesNotContain("tok-4711", "pa ss");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void setOfAVariableTheOpenRunbookDeclaresSecretIsMasked() throws Exception {
		this.current.set(new RunbookParser().parse("plan.md", """
				---
				variables:
				  ADMIN: {secret: true}
				---
				# Plan
				"""));
		Path file = attach();
		this.history.add(Instant.now(), "set ADMIN root-pw");
		assertThat(Files.readString(file)).contains("set ADMIN ****").doesNotContain("root-pw");
	}

	@Test
	void anExistingFileIsMadeOwnerOnlyAndItsSecretSetLinesMasked() throws IOException {
		Path file = this.home.resolve(".runbook-shell/history");
		Files.createDirectories(file.getParent());
		Files.writeString(file, "1700000000000:open plan.md\n1700000000001:set DB_PASS old-secret\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

		attach();

		assertThat(Files.readString(file)).contains("open plan.md", "set DB_PASS ****").doesNotContain("old-secret");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(this.history.get(this.history.last())).isEqualTo("set DB_PASS ****");
	}

	@Test
	void aSecretValuePassedWithVarOnARunLineIsMaskedTheOthersKept() throws Exception {
		Path plan = planDeclaringAdminSecret("plan.md");
		Path file = attach();

		this.history.add(Instant.now(), "run " + plan + " --yes --var API_TOKEN=tok-4711 --var NEW_HOST=db2"
				+ " --var=DB_PASSWORD='p w 9' --var ADMIN=\"root pw\" --var Api_Key=\"unclosed k3y");

		assertThat(Files.readString(file)).contains("--var API_TOKEN=****", "--var NEW_HOST=db2",
				"--var=DB_PASSWORD=****", "--var ADMIN=****", "--var Api_Key=****")
			.doesNotContain("tok-4711", "p w 9", "root pw", "k3y");
	}

	@Test
	void aWholeVarWordInQuotesAndAQuotedRunbookPathAreMaskedToo() throws Exception {
		Path plan = planDeclaringAdminSecret("my plan.md");
		Path file = attach();

		this.history.add(Instant.now(), "run \"" + plan + "\" --yes --var \"API_TOKEN=s3cret\" --var 'DB_PASS=s 3'"
				+ " --var \"ADMIN=root pw\" --var 'HOST=db2'");

		assertThat(Files.readString(file)).contains("--var \"API_TOKEN=****\"", "--var 'DB_PASS=****'",
				"--var \"ADMIN=****\"", "--var 'HOST=db2'")
			.doesNotContain("s3cret", "s 3", "root pw");
	}

	/** A runbook in the home folder whose front matter declares ADMIN secret. */
	private Path planDeclaringAdminSecret(String name) throws IOException {
		Path plan = this.home.resolve(name);
		Files.writeString(plan, "---\nvariables:\n  ADMIN: {secret: true}\n---\n# Plan\n");
		return plan;
	}

	@Test
	void anExistingFileWithAVarSecretInClearIsMaskedWhenLoaded() throws IOException {
		Path file = this.home.resolve(".runbook-shell/history");
		Files.createDirectories(file.getParent());
		Files.writeString(file, "1700000000000:run plan.md --yes --var DB_PASS=old-secret --var HOST=h1\n");

		attach();

		assertThat(Files.readString(file)).contains("run plan.md --yes --var DB_PASS=**** --var HOST=h1")
			.doesNotContain("old-secret");
	}

}
