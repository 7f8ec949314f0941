package dev.runbookshell.shell;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.shell.core.InputReader;
import org.springframework.stereotype.Component;

/**
 * Replaces Spring Shell's runner (hence the bean name): with arguments it runs exactly one command and exits
 * with that command's code; without, it opens the interactive shell.
 */
@Component("springShellApplicationRunner")
public class RunbookShellRunner implements ApplicationRunner, ExitCodeGenerator {

	private final CommandDispatcher dispatcher;

	private final InteractiveShell interactive;

	private final InterruptRelay interrupts;

	private final VersionInfo version;

	private ExitCode exitCode = ExitCode.OK;

	public RunbookShellRunner(CommandDispatcher dispatcher, InteractiveShell interactive, InterruptRelay interrupts,
			VersionInfo version) {
		this.dispatcher = dispatcher;
		this.interactive = interactive;
		this.interrupts = interrupts;
		this.version = version;
	}

	@Override
	public void run(ApplicationArguments args) {
		String[] argv = args.getSourceArgs();
		if (argv.length == 0) {
			OneShotSignals.endSessionsOn(this.interrupts, null);
			this.exitCode = this.interactive.run();
			return;
		}
		this.exitCode = runOnce(Arrays.asList(argv));
	}

	private ExitCode runOnce(List<String> argv) {
		PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
		PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
		String first = argv.get(0);
		if (VersionInfo.isAsked(first)) {
			out.println(this.version);
			return ExitCode.OK;
		}
		if (first.equals("--help") || first.equals("-h")) {
			argv = List.of("help");
		}
		else if (first.startsWith("-")) {
			err.println("error: unknown option '" + first + "' (see: runbook help)");
			return ExitCode.USAGE;
		}
		OneShotSignals.relayInterruptsTo(this.interrupts);
		OneShotSignals.endSessionsOn(this.interrupts, Thread.currentThread());
		return this.dispatcher.dispatch(argv, out, err, new InputReader() {
		});
	}

	@Override
	public int getExitCode() {
		return this.exitCode.code();
	}

}
