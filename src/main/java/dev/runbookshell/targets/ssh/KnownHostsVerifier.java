package dev.runbookshell.targets.ssh;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

import dev.runbookshell.targets.TargetPrompts;

/**
 * Checks server keys against a known_hosts file (hashed and {@code [host]:port} entries included, by sshj's
 * parser). An unknown key goes to the operator by SHA256 fingerprint and is appended when accepted; a changed key
 * is always refused. A key of a type known_hosts does not hold for a host it knows under other types is no new
 * host: it is refused unattended (even with accept-new-host-key) and shown as a warning at a terminal. Why a key
 * was refused is kept for the error message, since sshj only says "could not verify".
 */
final class KnownHostsVerifier extends OpenSSHKnownHosts {

	private final TargetPrompts prompts;

	private final boolean acceptNew;

	private String refusal;

	private String fingerprint;

	KnownHostsVerifier(File knownHosts, TargetPrompts prompts, boolean acceptNew) throws IOException {
		super(knownHosts);
		this.prompts = prompts;
		this.acceptNew = acceptNew;
	}

	@Override
	public boolean verify(String hostname, int port, PublicKey key) {
		boolean verified = super.verify(hostname, port, key);
		if (verified) {
			this.fingerprint = fingerprint(key);
		}
		return verified;
	}

	@Override
	protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
		KeyType type = KeyType.fromKey(key);
		String offered = fingerprint(key);
		List<String> known = knownKeys(hostname);
		if (!known.isEmpty()) {
			if (!this.prompts.acceptHostKeyOfNewType(hostname, known, type.toString(), offered)) {
				this.refusal = "host key of " + hostname + " is not the one known: " + this.khFile + " has "
						+ String.join(", ", known) + " for it, but the server now offers only " + type + " " + offered
						+ "; refusing to connect (possible man-in-the-middle; --accept-new-host-key is for hosts not "
						+ "known at all). If the change is expected, remove the old entry (ssh-keygen -R '" + hostname
						+ "')";
				return false;
			}
			return save(hostname, type, key);
		}
		if (!this.acceptNew && !this.prompts.acceptUnknownHostKey(hostname, type.toString(), offered)) {
			this.refusal = "host key of " + hostname + " is unknown: " + type + " " + offered + " is not in "
					+ this.khFile + "; accept it when asked, or run with --accept-new-host-key to accept it unattended";
			return false;
		}
		return save(hostname, type, key);
	}

	/** What known_hosts holds for {@code hostname} under any key type: {@code ssh-ed25519 SHA256:...} each. */
	private List<String> knownKeys(String hostname) {
		List<String> known = new ArrayList<>();
		for (KnownHostEntry entry : entries()) {
			try {
				// @revoked and @cert-authority lines do not say which key the host has
				if (!entry.getLine().startsWith("@") && entry.appliesTo(hostname)) {
					known.add(entry.getType() + " " + fingerprintOfLine(entry.getLine()));
				}
			}
			catch (IOException ex) {
				// An entry that cannot be matched is no evidence either way.
			}
		}
		return known;
	}

	private boolean save(String hostname, KeyType type, PublicKey key) {
		try {
			Files.createDirectories(this.khFile.getAbsoluteFile().toPath().getParent());
			write(new HostEntry(null, hostname, type, key));
			return true;
		}
		catch (IOException ex) {
			this.refusal = "host key of " + hostname + " accepted but not saved to " + this.khFile + ": "
					+ ex.getMessage();
			return false;
		}
	}

	@Override
	protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
		KeyType type = KeyType.fromKey(key);
		Set<String> known = new LinkedHashSet<>();
		for (KnownHostEntry entry : entries()) {
			try {
				if (entry.appliesTo(type, hostname)) {
					known.add(fingerprintOfLine(entry.getLine()));
				}
			}
			catch (IOException ex) {
				// An entry that cannot be matched is no evidence either way.
			}
		}
		this.refusal = "HOST KEY CHANGED for " + hostname + ": " + this.khFile + " has " + type + " "
				+ String.join(", ", known) + " but the server offers " + fingerprint(key)
				+ "; refusing to connect (possible man-in-the-middle). If the change is expected, remove the old "
				+ "entry (ssh-keygen -R '" + hostname + "')";
		return false;
	}

	/** Why the last key was refused, or null. */
	String refusal() {
		return this.refusal;
	}

	/** The SHA256 fingerprint of the verified server key, or null before verification. */
	String verifiedFingerprint() {
		return this.fingerprint;
	}

	/** {@code SHA256:} and unpadded base64 of the key blob, as {@code ssh-keygen -l} prints it. */
	static String fingerprint(PublicKey key) {
		return sha256(new Buffer.PlainBuffer().putPublicKey(key).getCompactData());
	}

	private static String fingerprintOfLine(String line) {
		String[] fields = line.strip().split("\\s+");
		int keyField = fields[0].startsWith("@") ? 3 : 2;
		return fields.length > keyField ? sha256(Base64.getDecoder().decode(fields[keyField])) : "(unreadable entry)";
	}

	private static String sha256(byte[] blob) {
		return OpenSshFingerprint.of(blob);
	}

}
