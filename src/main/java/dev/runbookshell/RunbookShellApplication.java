package dev.runbookshell;

import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.core.env.ConfigurableEnvironment;
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
			return SpringApplication.exit(new ToolApplication().run(args));
		}

	}

	/**
	 * Spring Boot set up for a command-line tool that starts for one command. The tool's own properties only, read
	 * here: no search of the working folder (an application.properties of the project the operator stands in is
	 * none of the tool's business), of config/ folders, profiles or YAML. Without Spring Boot's application
	 * listeners, which only did that search (config data), logging (switched off: DebugLogging) and a background
	 * warm-up that competed with a one-shot command for the CPU; the commands read their own arguments, so none
	 * become properties. The few {@code spring.main} settings are made here instead of bound from properties: the
	 * binder alone took a tenth of a one-shot command's start-up.
	 */
	private static final class ToolApplication extends SpringApplication {

		ToolApplication() {
			super(RunbookShellApplication.class);
			setListeners(List.of());
			setAddConversionService(false);
			setAddCommandLineProperties(false);
			setDefaultProperties(ToolProperties.read());
			setBannerMode(Banner.Mode.OFF);
			setLogStartupInfo(false);
			// Beans are built on first use: a one-shot command never pays for the terminal or the line reader.
			setLazyInitialization(true);
		}

		@Override
		protected void bindToSpringApplication(ConfigurableEnvironment environment) {
			// set in the constructor: see the class comment
		}

	}

}
