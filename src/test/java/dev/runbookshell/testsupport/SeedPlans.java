package dev.runbookshell.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The five real migration plans the tests walk, in {@code shared/seeds} beside the repository (CI checks shared/
 * out there). Missing: fails under CI=true, skips otherwise.
 */
public final class SeedPlans {

	private SeedPlans() {
	}

	/** {@code -Drunbook.seeds=DIR}, else the first {@code shared/seeds} beside the repository or above it. */
	public static Path directory() {
		String configured = System.getProperty("runbook.seeds");
		if (configured != null) {
			return Path.of(configured);
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared/seeds");
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		RequiredComponent.require(false, "shared/seeds above " + Path.of("").toAbsolutePath(),
				"clone shared/ beside the repo or pass -Drunbook.seeds=DIR");
		return null;
	}

}
