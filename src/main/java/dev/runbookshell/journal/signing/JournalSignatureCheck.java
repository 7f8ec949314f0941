package dev.runbookshell.journal.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.runbookshell.journal.Journal;

/**
 * Checks a journal's signatures ({@code <journal>.sig} and the earlier sessions' {@code <journal>.N.sig}) against
 * an allowed_signers file, the way {@code ssh-keygen -Y verify} would, and finds how much of the journal each
 * covers: a signature made at a checkpoint covers a prefix that ends at a line's end, so every such prefix is
 * tried, the longest first.
 */
public final class JournalSignatureCheck {

	private final AllowedSigners allowed;

	private final Instant now;

	public JournalSignatureCheck(AllowedSigners allowed, Instant now) {
		this.allowed = allowed;
		this.now = now;
	}

	/**
	 * The verdict on each signature file, {@code <journal>.sig} first, then the earlier ones in order. Reads only
	 * the journal's intact lines ({@link Journal#intactBytes()}).
	 */
	public List<SignatureVerdict> check(Journal journal) {
		byte[] content = intact(journal);
		Map<String, List<byte[]>> prefixHashes = new HashMap<>();
		List<SignatureVerdict> verdicts = new ArrayList<>();
		verdicts.add(checkOne(JournalSigner.signatureFile(journal.path()), journal, content, prefixHashes));
		for (int n = 1; Files.exists(JournalSigner.earlierSignatureFile(journal.path(), n)); n++) {
			verdicts.add(checkOne(JournalSigner.earlierSignatureFile(journal.path(), n), journal, content,
					prefixHashes));
		}
		return verdicts;
	}

	private SignatureVerdict checkOne(Path file, Journal journal, byte[] content,
			Map<String, List<byte[]>> prefixHashes) {
		int total = journal.entries().size();
		if (!Files.isRegularFile(file)) {
			return new SignatureVerdict(file, SignatureVerdict.State.MISSING, 0, 0, total, null, null, null);
		}
		SshSignature signature;
		String key;
		try {
			signature = SshSignature.parse(Files.readString(file, StandardCharsets.ISO_8859_1));
			key = SshKeys.describe(signature.key());
		}
		catch (IOException | SigningException ex) {
			return new SignatureVerdict(file, SignatureVerdict.State.UNREADABLE, 0, 0, total, null, null,
					ex.getMessage());
		}
		if (!signature.namespace().equals(JournalSigner.NAMESPACE)) {
			return new SignatureVerdict(file, SignatureVerdict.State.UNREADABLE, 0, 0, total, null, key,
					"made for namespace '" + signature.namespace() + "', not " + JournalSigner.NAMESPACE);
		}
		List<byte[]> hashes = prefixHashes.computeIfAbsent(signature.hashAlgorithm(), alg -> hashes(alg, content));
		if (hashes == null) {
			return new SignatureVerdict(file, SignatureVerdict.State.UNREADABLE, 0, 0, total, null, key,
					"unsupported hash algorithm '" + signature.hashAlgorithm() + "'");
		}
		int lines = -1;
		for (int n = hashes.size() - 1; n >= 1 && lines < 0; n--) {
			if (signature.verifies(JournalSigner.NAMESPACE, hashes.get(n))) {
				lines = n;
			}
		}
		if (lines < 0) {
			return new SignatureVerdict(file, SignatureVerdict.State.MISMATCH, 0, 0, total, null, key, null);
		}
		long bytes = lineEnd(content, lines);
		AllowedSigners.Match match = this.allowed.find(signature.key(), JournalSigner.NAMESPACE, this.now);
		if (match.signer().isEmpty()) {
			String why = match.refusal() != null ? "is refused: " + match.refusal()
					: this.allowed.file() + " does not list";
			return new SignatureVerdict(file, SignatureVerdict.State.UNKNOWN_SIGNER, lines, bytes, total, null, key,
					why);
		}
		SignatureVerdict.State state = lines == total ? SignatureVerdict.State.WHOLE : SignatureVerdict.State.PREFIX;
		return new SignatureVerdict(file, state, lines, bytes, total, match.signer().get().principals(), key, null);
	}

	private static byte[] intact(Journal journal) {
		try {
			byte[] all = Files.readAllBytes(journal.path());
			return all.length == journal.intactBytes() ? all : java.util.Arrays.copyOf(all, (int) journal.intactBytes());
		}
		catch (IOException ex) {
			throw new SigningException(journal.path() + ": cannot read the journal (" + ex.getMessage() + ")", ex);
		}
	}

	/** Entry n is the hash of lines 1..n (entry 0 of nothing); null for an algorithm SSHSIG does not use. */
	private static List<byte[]> hashes(String algorithm, byte[] content) {
		String jdkName = switch (algorithm.toLowerCase(Locale.ROOT)) {
			case "sha512" -> "SHA-512";
			case "sha256" -> "SHA-256";
			default -> null;
		};
		if (jdkName == null) {
			return null;
		}
		try {
			MessageDigest digest = MessageDigest.getInstance(jdkName);
			List<byte[]> hashes = new ArrayList<>();
			hashes.add(((MessageDigest) digest.clone()).digest());
			int start = 0;
			for (int i = 0; i < content.length; i++) {
				if (content[i] == '\n') {
					digest.update(content, start, i + 1 - start);
					start = i + 1;
					hashes.add(((MessageDigest) digest.clone()).digest());
				}
			}
			return hashes;
		}
		catch (NoSuchAlgorithmException | CloneNotSupportedException ex) {
			throw new IllegalStateException("the JDK's " + jdkName + " is missing or cannot be cloned", ex);
		}
	}

	/** The byte offset just past line {@code lines}'s newline. */
	private static long lineEnd(byte[] content, int lines) {
		int seen = 0;
		for (int i = 0; i < content.length; i++) {
			if (content[i] == '\n' && ++seen == lines) {
				return i + 1L;
			}
		}
		return content.length;
	}

}
