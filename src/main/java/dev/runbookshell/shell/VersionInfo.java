package dev.runbookshell.shell;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.runbookshell.config.ToolProperties;

/** The tool's name and version as printed by {@code --version} and written into journals. */
@Component
public class VersionInfo {

	private final String version;

	public VersionInfo(@Value("${runbook.version:dev}") String version) {
		this.version = version;
	}

	/**
	 * The version written into {@code application.properties} at build time, read without Spring: {@code --version}
	 * is answered before the application context starts.
	 */
	public static VersionInfo ofThisBuild() {
		return new VersionInfo(String.valueOf(ToolProperties.read().getOrDefault("runbook.version", "dev")));
	}

	/** Whether {@code firstArgument} asks for the version ({@code --version} or {@code -V}). */
	public static boolean isAsked(String firstArgument) {
		return firstArgument.equals("--version") || firstArgument.equals("-V");
	}

	public String name() {
		return "runbook-shell";
	}

	public String version() {
		return this.version;
	}

	@Override
	public String toString() {
		return name() + " " + version();
	}

}
