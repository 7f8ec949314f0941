package dev.runbookshell;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import dev.runbookshell.config.DebugLogging;

/** Entry point of runbook-shell: boots Spring and hands over to the shell runner. */
@SpringBootApplication
public class RunbookShellApplication {

	public static void main(String[] args) {
		DebugLogging.install();
		System.exit(SpringApplication.exit(SpringApplication.run(RunbookShellApplication.class, args)));
	}

}
