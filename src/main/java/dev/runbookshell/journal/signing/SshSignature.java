package dev.runbookshell.journal.signing;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.SSHRuntimeException;
import net.schmizz.sshj.signature.Signature;

/**
 * A detached signature in OpenSSH's SSHSIG format (PROTOCOL.sshsig), armored exactly as {@code ssh-keygen -Y sign}
 * writes it, so {@code ssh-keygen -Y verify} checks what this class signs and the other way round. The message is
 * not signed itself: its hash is, inside a preamble binding the namespace and hash algorithm.
 *
 * @param publicKey the signer's key in SSH wire form
 * @param namespace what the signature is for; a signature made for one namespace never verifies in another
 * @param hashAlgorithm {@code sha512} or {@code sha256}
 * @param signature the SSH signature (algorithm name and bytes) over {@link #signedData}
 */
public record SshSignature(byte[] publicKey, String namespace, String hashAlgorithm, byte[] signature) {

	private static final byte[] MAGIC = "SSHSIG".getBytes(StandardCharsets.US_ASCII);

	private static final int VERSION = 1;

	private static final String BEGIN = "-----BEGIN SSH SIGNATURE-----";

	private static final String END = "-----END SSH SIGNATURE-----";

	/** ssh-keygen wraps the base64 at 70 columns. */
	private static final int WRAP = 70;

	/** Signs the message whose hash (by {@code hashAlgorithm}) is {@code messageHash}. */
	public static SshSignature sign(SigningKey key, String namespace, String hashAlgorithm, byte[] messageHash)
			throws java.io.IOException {
		byte[] signature = key.sign(signedData(namespace, hashAlgorithm, messageHash));
		return new SshSignature(SshKeys.blob(key.publicKey()), namespace, hashAlgorithm, signature);
	}

	/** The signature algorithm SSHSIG uses for {@code key}: its own, or rsa-sha2-512 for RSA (as ssh-keygen). */
	public static String algorithmFor(PublicKey key) {
		return SshKeys.signatureAlgorithm(key);
	}

	/** {@code ED25519 SHA256:...}: a key as ssh-keygen names it. */
	public static String describe(PublicKey key) {
		return SshKeys.describe(key);
	}

	/** What the key signs: the preamble, namespace, an empty reserved field, the hash algorithm and the hash. */
	static byte[] signedData(String namespace, String hashAlgorithm, byte[] messageHash) {
		return new Buffer.PlainBuffer().putRawBytes(MAGIC)
			.putString(namespace)
			.putString("")
			.putString(hashAlgorithm)
			.putBytes(messageHash)
			.getCompactData();
	}

	/** True when this is a good signature, in {@code namespace}, of the message whose hash is {@code messageHash}. */
	public boolean verifies(String expectedNamespace, byte[] messageHash) {
		if (!this.namespace.equals(expectedNamespace)) {
			return false;
		}
		try {
			Signature engine = SshKeys.engine(signatureAlgorithm());
			engine.initVerify(key());
			engine.update(signedData(this.namespace, this.hashAlgorithm, messageHash));
			return engine.verify(this.signature);
		}
		catch (SSHRuntimeException | SigningException ex) {
			return false;
		}
	}

	public PublicKey key() {
		return SshKeys.fromBlob(this.publicKey);
	}

	/** The algorithm named inside the signature: {@code ssh-ed25519}, {@code rsa-sha2-512}, ... */
	public String signatureAlgorithm() {
		try {
			return new Buffer.PlainBuffer(this.signature).readString();
		}
		catch (Buffer.BufferException ex) {
			throw new SigningException("the signature has no algorithm name", ex);
		}
	}

	/** The SSHSIG blob: preamble, version, key, namespace, reserved, hash algorithm, signature. */
	public byte[] blob() {
		return new Buffer.PlainBuffer().putRawBytes(MAGIC)
			.putUInt32(VERSION)
			.putBytes(this.publicKey)
			.putString(this.namespace)
			.putString("")
			.putString(this.hashAlgorithm)
			.putBytes(this.signature)
			.getCompactData();
	}

	/** The armored text, byte for byte as ssh-keygen writes a {@code .sig} file. */
	public String armored() {
		String base64 = Base64.getEncoder().encodeToString(blob());
		StringBuilder text = new StringBuilder(BEGIN).append('\n');
		for (int i = 0; i < base64.length(); i += WRAP) {
			text.append(base64, i, Math.min(base64.length(), i + WRAP)).append('\n');
		}
		return text.append(END).append('\n').toString();
	}

	/**
	 * Reads an armored signature (LF or CRLF line ends, as ssh-keygen accepts).
	 * @throws SigningException when the text is not an SSH signature of a version this reads
	 */
	public static SshSignature parse(String armored) {
		String text = armored.replace("\r\n", "\n");
		if (!text.startsWith(BEGIN + "\n")) {
			throw new SigningException("not an SSH signature (no " + BEGIN + " line)");
		}
		int end = text.indexOf("\n" + END, BEGIN.length());
		if (end < 0) {
			throw new SigningException("not an SSH signature (no " + END + " line)");
		}
		byte[] blob;
		try {
			blob = Base64.getMimeDecoder().decode(text.substring(BEGIN.length() + 1, end));
		}
		catch (IllegalArgumentException ex) {
			throw new SigningException("SSH signature with bad base64: " + ex.getMessage(), ex);
		}
		Buffer.PlainBuffer in = new Buffer.PlainBuffer(blob);
		try {
			byte[] magic = new byte[MAGIC.length];
			in.readRawBytes(magic);
			if (!java.util.Arrays.equals(magic, MAGIC)) {
				throw new SigningException("not an SSH signature (no SSHSIG preamble)");
			}
			long version = in.readUInt32();
			if (version > VERSION) {
				throw new SigningException("SSH signature version " + version + " (this reads version " + VERSION
						+ ")");
			}
			byte[] key = in.readBytes();
			String namespace = in.readString();
			in.readBytes(); // reserved: to be ignored, as PROTOCOL.sshsig says
			String hash = in.readString();
			byte[] signature = in.readBytes();
			if (in.available() != 0) {
				throw new SigningException("SSH signature with trailing data");
			}
			return new SshSignature(key, namespace, hash, signature);
		}
		catch (Buffer.BufferException ex) {
			throw new SigningException("truncated SSH signature: " + ex.getMessage(), ex);
		}
	}

}
