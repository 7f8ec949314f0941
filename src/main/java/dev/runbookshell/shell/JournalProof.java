package dev.runbookshell.shell;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.runbookshell.journal.JournalWriter;
import dev.runbookshell.journal.Operator;
import dev.runbookshell.journal.shipping.JournalShipper;
import dev.runbookshell.journal.shipping.ShipDestination;
import dev.runbookshell.journal.shipping.ShippingException;
import dev.runbookshell.journal.signing.JournalSigner;
import dev.runbookshell.journal.signing.SigningKey;
import dev.runbookshell.session.SessionJournal;
import dev.runbookshell.session.WrittenJournal;
import dev.runbookshell.targets.TargetPrompts;

/**
 * What {@code run --sign/--sign-key} and {@code --ship URI} add to a session's journal: a {@link JournalSigner}
 * and a {@link JournalShipper} on its lines (each signature is shipped too). {@code RUNBOOK_SIGN=agent} (or a key
 * file) in the environment signs every run unless {@code --sign=false}. The key is chosen (its passphrase asked)
 * and the destination checked before the session starts; warnings from the signing and shipping threads go to
 * stderr, one line each.
 */
final class JournalProof {

	/** {@code agent}, or a key file: sign every run by default. */
	static final String SIGN_DEFAULT = "RUNBOOK_SIGN";

	private final SigningKey key;

	private final ShipDestination destination;

	private final Consumer<String> warnings;

	private final PrintWriter stderr;

	private JournalSigner signer;

	private JournalShipper shipper;

	private JournalProof(SigningKey key, ShipDestination destination, PrintWriter stderr) {
		this.key = key;
		this.destination = destination;
		this.stderr = stderr;
		this.warnings = message -> stderr.println("warning: " + message);
	}

	/**
	 * @param sign {@code --sign}: true, false, or null (then {@code RUNBOOK_SIGN} decides)
	 * @param signKey {@code --sign-key FILE}, or null
	 * @param ship {@code --ship URI}, or null
	 */
	static JournalProof of(Boolean sign, String signKey, String ship, TargetPrompts prompts,
			Function<String, String> environment) {
		ShipDestination destination;
		try {
			destination = ship == null || ship.isBlank() ? null : ShipDestination.parse(ship);
		}
		catch (ShippingException ex) {
			throw CliException.usage(ex.getMessage());
		}
		String fallback = environment.apply(SIGN_DEFAULT);
		boolean byDefault = sign == null && fallback != null && !fallback.isBlank();
		SigningKey key = null;
		if (signKey != null || Boolean.TRUE.equals(sign) || byDefault) {
			if (Boolean.FALSE.equals(sign)) {
				throw CliException.usage("--sign=false and --sign-key contradict each other");
			}
			String file = signKey != null ? signKey
					: byDefault && !fallback.strip().equals("agent") ? fallback.strip() : null;
			key = SigningKeyChoice.choose(file, environment, prompts::readSecret);
		}
		PrintWriter stderr = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
		return new JournalProof(key, destination, stderr);
	}

	/**
	 * Starts signing and shipping {@code journal} once its file is opened by the first event: a run refused before
	 * that writes nothing, here either.
	 */
	void attach(SessionJournal journal) {
		if (this.key == null && this.destination == null) {
			return;
		}
		((WrittenJournal) journal).whenOpened(this::attach);
	}

	private void attach(JournalWriter writer) {
		if (this.destination != null) {
			this.shipper = JournalShipper.start(
					this.destination.sink(writer.path().getFileName().toString(), Operator.current().host()),
					this.warnings);
			writer.addLineListener(this.shipper);
		}
		if (this.key != null) {
			this.signer = JournalSigner.of(writer.path(), this.key, this.warnings);
			if (this.shipper != null) {
				JournalShipper shipping = this.shipper;
				this.signer.onSigned(signed -> shipping.signature(signed.lines(), signed.armored()));
			}
			writer.addLineListener(this.signer);
		}
	}

	/**
	 * After the journal closed (or the session never started): where the signature is and how to check it, or
	 * why there is none, and how much was shipped.
	 */
	void finish(PrintWriter out) {
		if (this.shipper != null) {
			out.println("Journal shipped to " + this.shipper.destination() + ": " + this.shipper.shipped() + " lines.");
		}
		if (this.signer == null) {
			if (this.key != null) {
				this.key.close();
			}
			out.flush();
			return;
		}
		if (this.signer.failure().isPresent() || this.signer.lastSignature().isEmpty()) {
			out.flush();
			this.stderr.println("error: the journal is not signed: " + this.signer.failure().orElse("nothing was signed"));
			return;
		}
		JournalSigner.Signed signed = this.signer.lastSignature().get();
		Path journal = this.signer.journal();
		Path sig = JournalSigner.signatureFile(journal);
		out.println("Journal signed by " + this.signer.signer() + ": " + sig + " (" + signed.lines()
				+ " lines). Check: ssh-keygen -Y verify -f ALLOWED_SIGNERS -I SIGNER -n " + JournalSigner.NAMESPACE
				+ " -s " + sig + " < " + journal);
		out.flush();
	}

}
