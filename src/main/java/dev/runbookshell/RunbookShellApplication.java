package dev.runbookshell;

import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.shell.core.autoconfigure.ApplicationRunnerAutoConfiguration;
import org.springframework.shell.core.autoconfigure.JLineShellAutoConfiguration;
import org.springframework.shell.core.autoconfigure.StandardCommandsAutoConfiguration;
import org.springframework.shell.core.autoconfigure.UserConfigAutoConfiguration;

import dev.runbookshell.config.DebugLogging;
import dev.runbookshell.config.ToolProperties;
import dev.runbookshell.shell.VersionInfo;

/**
 * Entry point of runbook-shell: boots Spring and hands over to the shell runner. The auto-configurations are the
 * ones the tool uses, named, instead of all those on the class path (task executors, SSL bundles, AOP, ...):
 * every bean definition costs start-up, even a lazy one.
 */
@SpringBootConfiguration
@ComponentScan
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
		// spring.shell.* properties; the terminal, line reader, completion and history; clear and history
		ApplicationRunnerAutoConfiguration.class, JLineShellAutoConfiguration.class,
		StandardCommandsAutoConfiguration.class, UserConfigAutoConfiguration.class })
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
			SpringApplication application = new SpringApplication(RunbookShellApplication.class);
			// The tool's own properties only, read here: no search of the working folder (an
			// application.properties of the project the operator stands in is none of the tool's business), of
			// config/ folders, profiles or YAML. Without Spring Boot's application listeners, which only did that
			// search (config data), logging (switched off: DebugLogging) and a background warm-up that competed
			// with a one-shot command for the CPU: a third of `list`'s start-up.
			application.setListeners(List.of());
			application.setAddConversionService(false);
			application.setAddCommandLineProperties(false);
			application.setDefaultProperties(ToolProperties.read());
			return SpringApplication.exit(application.run(args));
		}

	}

}
