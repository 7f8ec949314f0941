package dev.runbookshell.journal.signing;

import java.nio.file.Path;

/**
 * What one signature file says about a journal.
 *
 * @param signatureFile the {@code .sig} file checked
 * @param state the finding
 * @param lines the lines it covers, from the first (0 unless the signature is good)
 * @param bytes the bytes it covers ({@code head -c BYTES JOURNAL | ssh-keygen -Y verify ...})
 * @param totalLines the journal's complete lines
 * @param signer the principals of the allowed_signers line that lists the key, or null
 * @param key the signing key as {@code ED25519 SHA256:...}, or null when the file is no signature
 * @param reason the detail for a bad state (which allowed_signers line refuses the key, the parse error)
 */
public record SignatureVerdict(Path signatureFile, State state, int lines, long bytes, int totalLines,
		String signer, String key, String reason) {

	/** How a signature relates to the journal. */
	public enum State {
		/** A good signature by an allowed signer over the whole journal. */
		WHOLE,
		/** A good signature by an allowed signer over lines 1 to {@link #lines} only. */
		PREFIX,
		/** There is no signature file. */
		MISSING,
		/** The file is not an SSH signature, or not one for journals. */
		UNREADABLE,
		/** No prefix of the journal is what the key signed: it was changed, re-chained or cut after signing. */
		MISMATCH,
		/** A good signature, by a key the allowed signers do not allow. */
		UNKNOWN_SIGNER
	}

	/** Whole or prefix: the lines it covers are proven. */
	public boolean isGood() {
		return this.state == State.WHOLE || this.state == State.PREFIX;
	}

	/** One line for the operator about the journal's current signature. */
	public String describe() {
		return describe(false);
	}

	/**
	 * One line for the operator.
	 * @param earlier true for an earlier session's signature ({@code .N.sig}): covering a prefix is its nature
	 */
	public String describe(boolean earlier) {
		String sig = this.signatureFile.getFileName().toString();
		if (earlier && this.state == State.PREFIX) {
			return sig + ": good signature of lines 1-" + this.lines + " (an earlier session) by " + this.signer
					+ " (" + this.key + ")";
		}
		return switch (this.state) {
			case WHOLE -> sig + ": good signature of all " + this.totalLines + " lines by " + this.signer + " ("
					+ this.key + ")";
			case PREFIX -> sig + ": good signature of lines 1-" + this.lines + " of " + this.totalLines + " by "
					+ this.signer + " (" + this.key + "); lines " + (this.lines + 1) + "-" + this.totalLines
					+ " are not signed";
			case MISSING -> sig + " is missing: the journal is not signed";
			case UNREADABLE -> sig + ": " + this.reason;
			case MISMATCH -> sig + " does not match the journal: no prefix of its " + this.totalLines
					+ " lines is what " + this.key + " signed (changed, re-chained or cut short after signing)";
			case UNKNOWN_SIGNER -> sig + ": signed by " + this.key + ", which " + this.reason;
		};
	}

}
