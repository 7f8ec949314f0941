package dev.runbookshell.shell;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;

import dev.runbookshell.journal.JournalWriter;
import dev.runbookshell.journal.signing.JournalSigner;
import dev.runbookshell.journal.signing.SigningKey;
import dev.runbookshell.session.SessionJournal;
import dev.runbookshell.session.WrittenJournal;
import dev.runbookshell.targets.TargetPrompts;

/**
 * What {@code run --sign/--sign-key} adds to a session's journal: a {@link JournalSigner} on its lines. Defaults
 * come from the environment: {@code RUNBOOK_SIGN=agent} (or a key file) signs every run unless {@code --sign=false}.
 * The key is chosen, and its passphrase asked, before the session starts; warnings from the signing thread go to
 * stderr, one line each.
 */
final class JournalProof {

	/** {@code agent}, or a key file: sign every run by default. */
	static final String SIGN_DEFAULT = "RUNBOOK_SIGN";

	private final SigningKey key;

	private final PrintWriter warnings;

	private JournalSigner signer;

	private JournalProof(SigningKey key, PrintWriter warnings) {
		this.key = key;
		this.warnings = warnings;
	}

	/** Nothing to add. */
	static JournalProof none() {
		return new JournalProof(null, null);
	}

	/**
	 * @param sign {@code --sign}: true, false, or null (then {@code RUNBOOK_SIGN} decides)
	 * @param signKey {@code --sign-key FILE}, or null
	 */
	static JournalProof of(Boolean sign, String signKey, TargetPrompts prompts, Function<String, String> environment) {
		String fallback = environment.apply(SIGN_DEFAULT);
		boolean signing = signKey != null || Boolean.TRUE.equals(sign)
				|| (sign == null && fallback != null && !fallback.isBlank());
		if (!signing || Boolean.FALSE.equals(sign)) {
			return none();
		}
		String file = signKey != null ? signKey
				: sign == null && !fallback.strip().equals("agent") ? fallback.strip() : null;
		SigningKey key = SigningKeyChoice.choose(file, environment, prompts::readSecret);
		return new JournalProof(key,
				new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
	}

	/** Starts signing {@code journal}; call before the session writes its first event. */
	void attach(SessionJournal journal) {
		if (this.key == null) {
			return;
		}
		JournalWriter writer = ((WrittenJournal) journal).writer();
		this.signer = JournalSigner.of(writer.path(), this.key, message -> this.warnings.println("warning: " + message));
		writer.addLineListener(this.signer);
	}

	/** After the journal closed (or the session never started): where the signature is and how to check it, or why there is none. */
	void finish(PrintWriter out) {
		if (this.signer == null) {
			if (this.key != null) {
				this.key.close();
			}
			return;
		}
		if (this.signer.failure().isPresent() || this.signer.lastSignature().isEmpty()) {
			this.warnings.println("error: the journal is not signed: "
					+ this.signer.failure().orElse("nothing was signed"));
			return;
		}
		JournalSigner.Signed signed = this.signer.lastSignature().get();
		Path journal = this.signer.journal();
		out.println("Journal signed by " + this.signer.signer() + ": " + JournalSigner.signatureFile(journal) + " ("
				+ signed.lines() + " lines). Check: ssh-keygen -Y verify -f ALLOWED_SIGNERS -I SIGNER -n "
				+ JournalSigner.NAMESPACE + " -s " + JournalSigner.signatureFile(journal) + " < " + journal);
		out.flush();
	}

}
