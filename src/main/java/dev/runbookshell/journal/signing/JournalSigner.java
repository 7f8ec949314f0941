package dev.runbookshell.journal.signing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import dev.runbookshell.journal.JournalEntry;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalLineListener;

/**
 * Signs a journal while it is written. {@code <journal>.sig} always holds one SSHSIG signature (namespace
 * {@value #NAMESPACE}) over the journal from its first byte to the end of a complete line: it is replaced, atomically,
 * at each checkpoint (the session's start or resumption and each finished block) and once more when the journal
 * closes, then covering all of it. A crashed session thus leaves its prefix up to the last checkpoint signed. A
 * resumed journal's earlier signature is kept as {@code <journal>.1.sig} (then {@code .2.sig}, ...), so each
 * session's signer stays on record.
 *
 * <p>Checkpoints are signed on a thread of their own, the newest pending one only, so neither the journal nor
 * the session ever waits for the key; only {@link #close} does (the final signature). A failed signature is
 * reported once through the warnings and tried again at the next checkpoint.
 */
public final class JournalSigner implements JournalLineListener {

	/** The SSHSIG namespace of journal signatures: {@code ssh-keygen -Y verify -n journal@runbookshell.dev}. */
	public static final String NAMESPACE = "journal@runbookshell.dev";

	static final String HASH_ALGORITHM = "sha512";

	/** Long enough for an agent key that asks for confirmation; the agent client bounds each request too. */
	private static final long CLOSE_WAIT_SECONDS = 30;

	/**
	 * A signature written.
	 * @param lines how many lines of the journal it covers, from the first
	 * @param bytes how many bytes of the journal it covers ({@code head -c BYTES} feeds them to ssh-keygen)
	 * @param armored the {@code .sig} file's text
	 */
	public record Signed(int lines, long bytes, String armored) {
	}

	private record Checkpoint(int lines, long bytes, MessageDigest digest) {
	}

	private final Path journal;

	private final SigningKey key;

	private final Consumer<String> warnings;

	private final List<Consumer<Signed>> onSigned = new ArrayList<>();

	private final MessageDigest digest;

	private final ExecutorService signing = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "journal-signer");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicReference<Checkpoint> pending = new AtomicReference<>();

	private int lines;

	private long bytes;

	private volatile Signed last;

	private volatile String failure;

	private JournalSigner(Path journal, SigningKey key, Consumer<String> warnings) {
		this.journal = journal;
		this.key = key;
		this.warnings = warnings;
		try {
			this.digest = MessageDigest.getInstance("SHA-512");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-512", ex);
		}
	}

	/**
	 * A signer for {@code journal}; an existing {@code <journal>.sig} (from the session this one resumes) is kept
	 * under the next free {@code <journal>.N.sig} first.
	 */
	public static JournalSigner of(Path journal, SigningKey key, Consumer<String> warnings) {
		Path current = signatureFile(journal);
		if (Files.exists(current)) {
			try {
				Files.move(current, earlierSignatureFile(journal, nextEarlierNumber(journal)));
			}
			catch (IOException ex) {
				throw new SigningException(current + ": cannot keep the earlier signature (" + ex.getMessage() + ")",
						ex);
			}
		}
		return new JournalSigner(journal, key, warnings);
	}

	/** {@code <journal>.sig}: the signature of the whole journal, or of its prefix up to the last checkpoint. */
	public static Path signatureFile(Path journal) {
		return journal.resolveSibling(journal.getFileName() + ".sig");
	}

	/** {@code <journal>.N.sig}: the last signature of the N-th earlier session of a resumed journal. */
	public static Path earlierSignatureFile(Path journal, int n) {
		return journal.resolveSibling(journal.getFileName() + "." + n + ".sig");
	}

	private static int nextEarlierNumber(Path journal) {
		int n = 1;
		while (Files.exists(earlierSignatureFile(journal, n))) {
			n++;
		}
		return n;
	}

	/** Also hands each signature written to {@code consumer} (to ship it), on the signing thread. */
	public JournalSigner onSigned(Consumer<Signed> consumer) {
		this.onSigned.add(consumer);
		return this;
	}

	@Override
	public synchronized void lineWritten(JournalEntry entry, byte[] line) {
		this.digest.update(line);
		this.digest.update((byte) '\n');
		this.lines++;
		this.bytes += line.length + 1;
		JournalEvent event = entry.event();
		if (event instanceof JournalEvent.SessionStarted || event instanceof JournalEvent.SessionResumed
				|| event instanceof JournalEvent.BlockFinished || event instanceof JournalEvent.SessionFinished) {
			if (this.pending.getAndSet(checkpoint()) == null) {
				this.signing.execute(() -> {
					Checkpoint next = this.pending.getAndSet(null);
					if (next != null) {
						sign(next);
					}
				});
			}
		}
	}

	/** Signs the whole journal (waiting for a checkpoint being signed first) and stops the signing thread. */
	@Override
	public synchronized void close() {
		this.pending.set(null);
		this.signing.shutdown();
		try {
			if (!this.signing.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
				this.signing.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Signed signed = this.last;
		if (this.lines > 0 && (signed == null || signed.lines() != this.lines)) {
			sign(checkpoint());
		}
		this.key.close();
	}

	/** The newest signature written, if any. */
	public Optional<Signed> lastSignature() {
		return Optional.ofNullable(this.last);
	}

	/** Why the newest attempt to sign failed, when it did (cleared by a later success). */
	public Optional<String> failure() {
		return Optional.ofNullable(this.failure);
	}

	public Path journal() {
		return this.journal;
	}

	public String signer() {
		return this.key.describe();
	}

	private Checkpoint checkpoint() {
		try {
			return new Checkpoint(this.lines, this.bytes, (MessageDigest) this.digest.clone());
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("the JDK's SHA-512 can be cloned", ex);
		}
	}

	private void sign(Checkpoint checkpoint) {
		try {
			SshSignature signature = SshSignature.sign(this.key, NAMESPACE, HASH_ALGORITHM,
					checkpoint.digest().digest());
			Signed signed = new Signed(checkpoint.lines(), checkpoint.bytes(), signature.armored());
			writeAtomically(signatureFile(this.journal), signed.armored());
			this.last = signed;
			this.failure = null;
			this.onSigned.forEach(consumer -> consumer.accept(signed));
		}
		catch (IOException | RuntimeException ex) {
			boolean first = this.failure == null;
			this.failure = "cannot sign " + this.journal.getFileName() + " up to line " + checkpoint.lines()
					+ " with " + this.key.describe() + ": " + ex.getMessage();
			if (first) {
				this.warnings.accept(this.failure);
			}
		}
	}

	/** Written beside, synced, then renamed over: a reader sees the old signature or the new one, never half. */
	private static void writeAtomically(Path file, String text) throws IOException {
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			out.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
			out.force(true);
		}
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		try (FileChannel directory = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
			directory.force(true);
		}
		catch (IOException | UnsupportedOperationException ex) {
			// the rename is durable on the next sync of the folder; not every platform can open one
		}
	}

}
