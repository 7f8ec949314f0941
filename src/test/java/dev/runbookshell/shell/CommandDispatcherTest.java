package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;

class CommandDispatcherTest {

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private ExitCode dispatch(Command command, String... words) {
		CommandRegistry registry = new CommandRegistry();
		registry.registerCommand(command);
		CommandDispatcher dispatcher = new CommandDispatcher(registry, new FailureTranslator());
		return dispatcher.dispatch(List.of(words), new PrintWriter(this.out), new PrintWriter(this.err),
				new InputReader() {
				});
	}

	private static Command throwing(RuntimeException failure) {
		java.util.function.Consumer<org.springframework.shell.core.command.CommandContext> body = context -> {
			throw failure;
		};
		return Command.builder().name("boom").execute(body);
	}

	@Test
	void anUnknownCommandIsAUsageErrorOnOneLine() {
		ExitCode code = dispatch(throwing(new IllegalStateException()), "nope");
		assertThat(code).isEqualTo(ExitCode.USAGE);
		assertThat(this.err.toString()).isEqualTo("error: unknown command 'nope' (see: runbook help)\n");
	}

	@Test
	void aCommandsOwnFailureKeepsItsExitCodeAndMessage() {
		ExitCode code = dispatch(throwing(CliException.target("ssh://a@h:22: connection refused", null)), "boom");
		assertThat(code).isEqualTo(ExitCode.TARGET);
		assertThat(this.err.toString()).isEqualTo("error: ssh://a@h:22: connection refused\n");
	}

	@Test
	void anUnexpectedFailureIsOneLinePointingAtTheDebugLogWithoutAStackTrace() {
		ExitCode code = dispatch(throwing(new IllegalStateException("disk on fire")), "boom");
		assertThat(code).isEqualTo(ExitCode.FAILED);
		assertThat(this.err.toString().lines()).singleElement()
			.satisfies(line -> assertThat(line).contains("disk on fire").contains("debug"));
		assertThat(this.err.toString()).doesNotContain("\tat ");
	}

	@Test
	void aSuccessfulCommandExitsZeroAndPrintsToOut() {
		java.util.function.Consumer<org.springframework.shell.core.command.CommandContext> body = context -> context
			.outputWriter()
			.println("hi");
		Command hello = Command.builder().name("hello").execute(body);
		assertThat(dispatch(hello, "hello")).isEqualTo(ExitCode.OK);
		assertThat(this.out.toString()).isEqualTo("hi\n");
		assertThat(this.err.toString()).isEmpty();
	}

}
