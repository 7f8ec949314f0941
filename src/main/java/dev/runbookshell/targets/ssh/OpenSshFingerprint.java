package dev.runbookshell.targets.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;

import net.schmizz.sshj.common.Buffer;

/**
 * OpenSSH's fingerprint of a public key, as {@code ssh-keygen -l} and {@code ssh} print it: {@code SHA256:} and the
 * unpadded base64 of the key blob's sha256. The one rule for a host key shown to the operator and for the key that
 * signs a journal (sshj only formats the old MD5 fingerprints).
 */
public final class OpenSshFingerprint {

	private OpenSshFingerprint() {
	}

	/** The fingerprint of {@code key}. */
	public static String of(PublicKey key) {
		return of(new Buffer.PlainBuffer().putPublicKey(key).getCompactData());
	}

	/** The fingerprint of a key blob in SSH wire form (the base64 field of a known_hosts or .pub line, decoded). */
	public static String of(byte[] blob) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
			return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

}
