package dev.runbookshell.session;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.runbookshell.journal.JournalWriter;
import dev.runbookshell.journal.shipping.JournalShipper;
import dev.runbookshell.journal.shipping.ShipDestination;
import dev.runbookshell.journal.shipping.ShippingException;
import dev.runbookshell.journal.signing.JournalSigner;
import dev.runbookshell.journal.signing.Passphrases;
import dev.runbookshell.journal.signing.SigningKey;

/**
 * What {@code --sign/--sign-key} and {@code --ship URI} add to a session's journal: a {@link JournalSigner}
 * and a {@link JournalShipper} on its lines (each signature is shipped too). {@code RUNBOOK_SIGN=agent} (or a key
 * file) in the environment signs every session unless {@code --sign=false}. The key is chosen (its passphrase asked)
 * and the destination checked before the session starts; warnings from the signing and shipping threads go to
 * the warnings given, one line each. One proof serves one journal; {@link SessionAssembly} attaches it.
 */
public final class JournalProof {

	/** {@code agent}, or a key file: sign every session by default. */
	public static final String SIGN_DEFAULT = "RUNBOOK_SIGN";

	private final SigningKey key;

	private final ShipDestination destination;

	private final Consumer<String> warnings;

	private JournalSigner signer;

	private JournalShipper shipper;

	private JournalProof(SigningKey key, ShipDestination destination, Consumer<String> warnings) {
		this.key = key;
		this.destination = destination;
		this.warnings = message -> warnings.accept("warning: " + message);
	}

	/** Neither signed nor shipped. */
	public static JournalProof none() {
		return new JournalProof(null, null, message -> {
		});
	}

	/**
	 * @param sign {@code --sign}: true, false, or null (then {@code RUNBOOK_SIGN} decides)
	 * @param signKey {@code --sign-key FILE}, or null
	 * @param ship {@code --ship URI}, or null
	 * @param passphrases asks a key file's passphrase
	 * @param warnings where one-line warnings of the signing and shipping threads go (stderr)
	 * @throws SessionRefusedException for a destination that is no URI it knows, or a key that cannot sign
	 */
	public static JournalProof of(Boolean sign, String signKey, String ship, Passphrases passphrases,
			Function<String, String> environment, Consumer<String> warnings) {
		ShipDestination destination = destination(ship);
		String fallback = environment.apply(SIGN_DEFAULT);
		boolean byDefault = sign == null && signsByDefault(environment);
		SigningKey key = null;
		if (signKey != null || Boolean.TRUE.equals(sign) || byDefault) {
			if (Boolean.FALSE.equals(sign)) {
				throw new SessionRefusedException("--sign=false and --sign-key contradict each other");
			}
			String file = signKey != null ? signKey
					: byDefault && !fallback.strip().equals("agent") ? fallback.strip() : null;
			key = SigningKeyChoice.choose(file, environment, passphrases);
		}
		return new JournalProof(key, destination, warnings);
	}

	/**
	 * A proof for one more journal with this proof's key and destination: a fleet's, one per host, the key chosen
	 * (its passphrase asked) once. That journal's close leaves the key open; this proof's {@link #finish} closes it.
	 * @param warnings where that journal's one-line warnings go
	 */
	public JournalProof forAnotherJournal(Consumer<String> warnings) {
		return new JournalProof(this.key == null ? null : new KeptOpen(this.key), this.destination, warnings);
	}

	/** The journal's signature file once a signature was written, else empty. */
	public Optional<Path> signature() {
		return this.signer == null || this.signer.lastSignature().isEmpty() ? Optional.empty()
				: Optional.of(JournalSigner.signatureFile(this.signer.journal()));
	}

	/** Where the journal is shipped, or empty. */
	public Optional<String> shippedTo() {
		return Optional.ofNullable(this.destination).map(ShipDestination::uri);
	}

	/** True when {@code RUNBOOK_SIGN} asks to sign when {@code --sign} is not given. */
	public static boolean signsByDefault(Function<String, String> environment) {
		String fallback = environment.apply(SIGN_DEFAULT);
		return fallback != null && !fallback.isBlank();
	}

	/**
	 * {@code --ship URI} checked, or null for none.
	 * @throws SessionRefusedException naming the URI
	 */
	public static ShipDestination destination(String ship) {
		try {
			return ship == null || ship.isBlank() ? null : ShipDestination.parse(ship);
		}
		catch (ShippingException ex) {
			throw new SessionRefusedException(ex.getMessage());
		}
	}

	/**
	 * Starts signing and shipping {@code journal} once its file is opened by the first event: a run refused before
	 * that writes nothing, here either.
	 */
	void attach(WrittenJournal journal, String host) {
		if (this.key == null && this.destination == null) {
			return;
		}
		journal.whenOpened(writer -> attach(writer, host));
	}

	private void attach(JournalWriter writer, String host) {
		if (this.destination != null) {
			this.shipper = JournalShipper.start(this.destination.sink(writer.path().getFileName().toString(), host),
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
	 * why there is none (to {@code errors}), and how much was shipped. Closes the key when nothing signed.
	 */
	public void finish(Consumer<String> out, Consumer<String> errors) {
		if (this.shipper != null) {
			out.accept("Journal shipped to " + this.shipper.destination() + ": " + this.shipper.shipped() + " lines.");
		}
		if (this.signer == null) {
			if (this.key != null) {
				this.key.close();
			}
			return;
		}
		if (this.signer.failure().isPresent() || this.signer.lastSignature().isEmpty()) {
			errors.accept("error: the journal is not signed: " + this.signer.failure().orElse("nothing was signed"));
			return;
		}
		JournalSigner.Signed signed = this.signer.lastSignature().get();
		Path journal = this.signer.journal();
		Path sig = JournalSigner.signatureFile(journal);
		out.accept("Journal signed by " + this.signer.signer() + ": " + sig + " (" + signed.lines()
				+ " lines). Check: ssh-keygen -Y verify -f ALLOWED_SIGNERS -I SIGNER -n " + JournalSigner.NAMESPACE
				+ " -s " + sig + " < " + journal);
	}

	/** For a session that did not start: closes the key, reports nothing. */
	void discard() {
		finish(line -> {
		}, line -> {
		});
	}

	/** A key shared by several journals' signers: closing one of them does not close it. */
	private static final class KeptOpen implements SigningKey {

		private final SigningKey key;

		KeptOpen(SigningKey key) {
			this.key = key;
		}

		@Override
		public PublicKey publicKey() {
			return this.key.publicKey();
		}

		@Override
		public byte[] sign(byte[] data) throws IOException {
			return this.key.sign(data);
		}

		@Override
		public String describe() {
			return this.key.describe();
		}

	}

}
