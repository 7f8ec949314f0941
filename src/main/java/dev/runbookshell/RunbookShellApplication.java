package dev.runbookshell;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import dev.runbookshell.config.DebugLogging;
import dev.runbookshell.shell.VersionInfo;

/** Entry point of runbook-shell: boots Spring and hands over to the shell runner. */
@SpringBootApplication
public class RunbookShellApplication {

	public static void main(String[] args) {
		// Nothing but the version to print: not worth starting Spring for.
		if (args.length > 0 && VersionInfo.isAsked(args[0])) {
			System.out.println(VersionInfo.ofThisBuild());
			return;
		}
		System.exit(Boot.run(args));
	}

	/**
	 * Apart from {@link #main}: the JVM verifies a class's methods together, and checking the Spring types of
	 * this one would open every jar of the class path before {@code --version} could be printed.
	 */
	private static final class Boot {

		static int run(String[] args) {
			DebugLogging.install();
			return SpringApplication.exit(SpringApplication.run(RunbookShellApplication.class, args));
		}

	}

}
