package dev.runbookshell.ansible;

import java.util.ArrayList;
import java.util.List;

/** Collects the warnings of one export, in the order they were found, each once. */
final class ExportWarnings {

	private final String file;

	private final List<ExportWarning> warnings = new ArrayList<>();

	ExportWarnings(String file) {
		this.file = file;
	}

	void add(int line, String message) {
		ExportWarning warning = new ExportWarning(this.file, line, message);
		if (!this.warnings.contains(warning)) {
			this.warnings.add(warning);
		}
	}

	List<ExportWarning> all() {
		return List.copyOf(this.warnings);
	}

}
