package dev.runbookshell.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when something it talks to is missing: under CI=true it fails (a skipped integration test
 * would hide a broken environment), otherwise it is skipped.
 */
public final class RequiredComponent {

	private RequiredComponent() {
	}

	public static void require(boolean present, String what) {
		require(present, what, "run scripts/prepare-test-env (as root) to install and start it");
	}

	/** As {@link #require(boolean, String)}, with how to get the missing thing. */
	public static void require(boolean present, String what, String remedy) {
		if (present) {
			return;
		}
		String message = what + " is missing: " + remedy;
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail(message);
		}
		Assumptions.abort(message);
	}

}
