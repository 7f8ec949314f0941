package dev.runbookshell.journal.signing;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;

import com.hierynomus.sshj.common.KeyDecryptionFailedException;
import com.hierynomus.sshj.userauth.keyprovider.OpenSSHKeyFileUtil;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SSHRuntimeException;
import net.schmizz.sshj.signature.Signature;
import net.schmizz.sshj.userauth.keyprovider.FileKeyProvider;
import net.schmizz.sshj.userauth.keyprovider.KeyFormat;
import net.schmizz.sshj.userauth.keyprovider.KeyProviderUtil;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/**
 * A private key read from a file with sshj's key providers (OpenSSH, PEM/PKCS#8, PuTTY), kept in memory for the
 * session. An encrypted key's passphrase is asked as a secret, again when mistyped, up to {@value #TRIES} times in
 * all as ssh does; it is never stored.
 */
public final class KeyFileSigningKey implements SigningKey {

	static final int TRIES = 3;

	private final Path file;

	private final PublicKey publicKey;

	private final PrivateKey privateKey;

	private final String algorithm;

	private KeyFileSigningKey(Path file, PublicKey publicKey, PrivateKey privateKey) {
		this.file = file;
		this.publicKey = publicKey;
		this.privateKey = privateKey;
		this.algorithm = SshKeys.signatureAlgorithm(publicKey);
	}

	/**
	 * Reads the private key in {@code file}.
	 * @throws SigningException naming the file when it is missing, not a private key, of a type SSHSIG does not
	 * sign with, or encrypted with nobody (or no right passphrase) to open it
	 */
	public static KeyFileSigningKey read(Path file, Passphrases passphrases) {
		if (!Files.isRegularFile(file)) {
			throw new SigningException(file + ": no such key file");
		}
		for (int attempt = 1;; attempt++) {
			String prompt = (attempt > 1 ? "Wrong passphrase, try again. " : "") + "Passphrase for key " + file + ": ";
			try {
				FileKeyProvider keys = provider(file, new AskOnce(passphrases, prompt));
				PrivateKey privateKey = keys.getPrivate();
				return new KeyFileSigningKey(file, keys.getPublic(), privateKey);
			}
			catch (KeyDecryptionFailedException ex) {
				if (attempt == TRIES) {
					throw new SigningException(file + ": wrong passphrase (" + TRIES + " tries)");
				}
			}
			catch (Unanswered ex) {
				throw new SigningException(file + ": the key is encrypted and nobody can type its passphrase "
						+ "(add it to the ssh-agent with ssh-add, then sign with --sign)");
			}
			catch (IOException | SSHRuntimeException ex) {
				throw new SigningException(file + ": not a private key sshj can read (" + ex.getMessage() + ")", ex);
			}
		}
	}

	/**
	 * The public half of the key {@code file} names, without asking anything: the file itself when it is a public
	 * key ({@code KEY.pub}), else {@code KEY.pub} beside it, else what the key file shows unencrypted; null when
	 * none of those tells.
	 */
	public static PublicKey publicKeyOf(Path file) {
		try {
			String text = Files.readString(file, StandardCharsets.ISO_8859_1);
			if (!text.startsWith("-----") && !text.startsWith("PuTTY")) {
				return OpenSSHKeyFileUtil.initPubKey(new StringReader(text)).getPubKey();
			}
			File pub = OpenSSHKeyFileUtil.getPublicKeyFile(file.toFile());
			if (pub != null) {
				return OpenSSHKeyFileUtil.initPubKey(new StringReader(Files.readString(pub.toPath()))).getPubKey();
			}
			return provider(file, new AskOnce(Passphrases.NONE, "")).getPublic();
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	@Override
	public PublicKey publicKey() {
		return this.publicKey;
	}

	@Override
	public byte[] sign(byte[] data) {
		Signature engine = SshKeys.engine(this.algorithm);
		engine.initSign(this.privateKey);
		engine.update(data);
		return new Buffer.PlainBuffer().putString(this.algorithm).putBytes(engine.encode(engine.sign())).getCompactData();
	}

	@Override
	public String describe() {
		return SshKeys.describe(this.publicKey) + " (key " + this.file + ")";
	}

	private static FileKeyProvider provider(Path file, PasswordFinder passphrase) throws IOException {
		KeyFormat format = KeyProviderUtil.detectKeyFileFormat(file.toFile());
		FileKeyProvider provider = Factory.Named.Util.create(new DefaultConfig().getFileKeyProviderFactories(),
				format.toString());
		if (provider == null) {
			throw new IOException("unknown key file format");
		}
		provider.init(file.toFile(), passphrase);
		return provider;
	}

	/** Asks for the passphrase when sshj finds the key encrypted, once per reading. */
	private static final class AskOnce implements PasswordFinder {

		private final Passphrases passphrases;

		private final String prompt;

		AskOnce(Passphrases passphrases, String prompt) {
			this.passphrases = passphrases;
			this.prompt = prompt;
		}

		@Override
		public char[] reqPassword(Resource<?> resource) {
			char[] typed = this.passphrases.read(this.prompt);
			if (typed == null) {
				throw new Unanswered();
			}
			return typed;
		}

		@Override
		public boolean shouldRetry(Resource<?> resource) {
			return false;
		}

	}

	/** Nobody typed a passphrase. */
	private static final class Unanswered extends RuntimeException {

		Unanswered() {
			super("no passphrase", null, false, false);
		}

	}

}
