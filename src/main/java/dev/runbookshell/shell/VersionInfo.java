package dev.runbookshell.shell;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The tool's name and version as printed by {@code --version} and written into journals. */
@Component
public class VersionInfo {

	private final String version;

	public VersionInfo(@Value("${runbook.version:dev}") String version) {
		this.version = version;
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
