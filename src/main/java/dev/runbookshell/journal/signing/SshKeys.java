package dev.runbookshell.journal.signing;

import java.security.PublicKey;
import java.util.Locale;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.SSHRuntimeException;
import net.schmizz.sshj.signature.Signature;
import net.schmizz.sshj.signature.SignatureECDSA;
import net.schmizz.sshj.signature.SignatureRSA;

import com.hierynomus.sshj.signature.SignatureEdDSA;

import dev.runbookshell.targets.ssh.OpenSshFingerprint;

/**
 * SSH public keys as SSHSIG uses them: their wire form, the one signature algorithm each key type signs with
 * (RSA: rsa-sha2-512, never the SHA-1 ssh-rsa), sshj's signature engine for an algorithm, and OpenSSH's
 * {@code SHA256:} fingerprint.
 */
final class SshKeys {

	private SshKeys() {
	}

	/** The key in SSH wire form (RFC 4253 6.6), as SSHSIG and allowed_signers carry it. */
	static byte[] blob(PublicKey key) {
		return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
	}

	static PublicKey fromBlob(byte[] blob) {
		try {
			return new Buffer.PlainBuffer(blob).readPublicKey();
		}
		catch (Buffer.BufferException | SSHRuntimeException ex) {
			throw new SigningException("not an SSH public key: " + ex.getMessage(), ex);
		}
	}

	/** What {@code ssh-keygen -Y sign} signs with for this key. */
	static String signatureAlgorithm(PublicKey key) {
		KeyType type = KeyType.fromKey(key);
		return switch (type) {
			case ED25519, ECDSA256, ECDSA384, ECDSA521 -> type.toString();
			case RSA -> "rsa-sha2-512";
			default -> throw new SigningException("cannot sign with a " + type + " key (ed25519, ecdsa or rsa)");
		};
	}

	/** sshj's engine for a signature algorithm; RSA also verifies rsa-sha2-256, as ssh-keygen does. */
	static Signature engine(String algorithm) {
		return switch (algorithm) {
			case "ssh-ed25519" -> new SignatureEdDSA.Factory().create();
			case "ecdsa-sha2-nistp256" -> new SignatureECDSA.Factory256().create();
			case "ecdsa-sha2-nistp384" -> new SignatureECDSA.Factory384().create();
			case "ecdsa-sha2-nistp521" -> new SignatureECDSA.Factory521().create();
			case "rsa-sha2-512" -> new SignatureRSA.FactoryRSASHA512().create();
			case "rsa-sha2-256" -> new SignatureRSA.FactoryRSASHA256().create();
			default -> throw new SigningException("unsupported signature algorithm '" + algorithm + "'");
		};
	}

	/** OpenSSH's fingerprint: {@code SHA256:} and the unpadded base64 of the key blob's sha256. */
	static String fingerprint(PublicKey key) {
		return OpenSshFingerprint.of(blob(key));
	}

	/** {@code ED25519 SHA256:...}, as ssh-keygen names a key. */
	static String describe(PublicKey key) {
		String type = KeyType.fromKey(key).toString();
		String shown = type.startsWith("ssh-") ? type.substring(4) : type.startsWith("ecdsa") ? "ecdsa" : type;
		return shown.toUpperCase(Locale.ROOT) + " " + fingerprint(key);
	}

}
