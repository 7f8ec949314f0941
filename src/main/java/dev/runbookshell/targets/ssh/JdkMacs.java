package dev.runbookshell.targets.ssh;

import java.security.GeneralSecurityException;
import java.security.NoSuchProviderException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SSHRuntimeException;
import net.schmizz.sshj.transport.mac.MAC;

/**
 * The HMACs sshj offers, run by the JDK's own provider instead of BouncyCastle, encrypt-then-MAC and SHA-2 first.
 *
 * <p>They only matter when the server refuses AES-GCM (see {@link JdkAesCiphers}): then sshj took hmac-sha1, its
 * first, computed by BouncyCastle in plain Java, which was 92% of a profile and held output to ~120 MiB/s. The
 * JDK's SunJCE computes SHA-1 and SHA-2 on the CPU's SHA instructions (HotSpot intrinsics). Same algorithms,
 * names and wire format; every one here is in OpenSSH 9's default list.
 */
final class JdkMacs {

	private static final String JDK_PROVIDER = "SunJCE";

	/** OpenSSH's own client order and list, less the UMACs sshj lacks; sshj's legacy MACs are not offered. */
	private static final PreferredAlgorithms<MAC> PREFERRED = new PreferredAlgorithms<>(
			List.of("hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-sha1-etm@openssh.com",
					"hmac-sha2-256", "hmac-sha2-512", "hmac-sha1"),
			Map.of("hmac-sha2-256-etm@openssh.com", () -> new JdkMac("HmacSHA256", 32, true),
					"hmac-sha2-512-etm@openssh.com", () -> new JdkMac("HmacSHA512", 64, true),
					"hmac-sha1-etm@openssh.com", () -> new JdkMac("HmacSHA1", 20, true),
					"hmac-sha2-256", () -> new JdkMac("HmacSHA256", 32, false),
					"hmac-sha2-512", () -> new JdkMac("HmacSHA512", 64, false),
					"hmac-sha1", () -> new JdkMac("HmacSHA1", 20, false)));

	private JdkMacs() {
	}

	/** sshj's MAC list with its HMACs JDK-backed, encrypt-then-MAC and SHA-2 first. */
	static List<Factory.Named<MAC>> preferred(List<Factory.Named<MAC>> macs) {
		return PREFERRED.applyTo(macs);
	}

	/** One direction's MAC: a JDK {@link Mac} over the sequence number and the packet, as sshj's BaseMAC does. */
	private static final class JdkMac implements MAC {

		private final String algorithm;

		/** Key and tag size in bytes (no truncated variants here). */
		private final int size;

		private final boolean etm;

		private final byte[] sequence = new byte[4];

		private Mac mac;

		JdkMac(String algorithm, int size, boolean etm) {
			this.algorithm = algorithm;
			this.size = size;
			this.etm = etm;
		}

		@Override
		public void init(byte[] key) {
			byte[] used = key.length > this.size ? Arrays.copyOf(key, this.size) : key;
			try {
				this.mac = jdkMac(this.algorithm);
				this.mac.init(new SecretKeySpec(used, this.algorithm));
			}
			catch (GeneralSecurityException ex) {
				throw new SSHRuntimeException(ex);
			}
		}

		private static Mac jdkMac(String algorithm) throws GeneralSecurityException {
			try {
				return Mac.getInstance(algorithm, JDK_PROVIDER);
			}
			catch (NoSuchProviderException ex) {
				return Mac.getInstance(algorithm);
			}
		}

		@Override
		public int getBlockSize() {
			return this.size;
		}

		@Override
		public boolean isEtm() {
			return this.etm;
		}

		@Override
		public void update(byte[] bytes, int offset, int length) {
			this.mac.update(bytes, offset, length);
		}

		@Override
		public void update(byte[] bytes) {
			this.mac.update(bytes);
		}

		/** The packet's sequence number, as the four bytes of a uint32. */
		@Override
		public void update(long sequenceNumber) {
			this.sequence[0] = (byte) (sequenceNumber >>> 24);
			this.sequence[1] = (byte) (sequenceNumber >>> 16);
			this.sequence[2] = (byte) (sequenceNumber >>> 8);
			this.sequence[3] = (byte) sequenceNumber;
			this.mac.update(this.sequence);
		}

		@Override
		public byte[] doFinal() {
			return this.mac.doFinal();
		}

		@Override
		public byte[] doFinal(byte[] input) {
			return this.mac.doFinal(input);
		}

		@Override
		public void doFinal(byte[] out, int offset) {
			try {
				this.mac.doFinal(out, offset);
			}
			catch (ShortBufferException ex) {
				throw new SSHRuntimeException(ex);
			}
		}

	}

}
