package dev.runbookshell.target.ssh;

import java.security.GeneralSecurityException;
import java.security.NoSuchProviderException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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

	private static final Map<String, Spec> SPECS = Map.of(
			"hmac-sha2-256-etm@openssh.com", new Spec("HmacSHA256", 32, true),
			"hmac-sha2-512-etm@openssh.com", new Spec("HmacSHA512", 64, true),
			"hmac-sha1-etm@openssh.com", new Spec("HmacSHA1", 20, true),
			"hmac-sha2-256", new Spec("HmacSHA256", 32, false),
			"hmac-sha2-512", new Spec("HmacSHA512", 64, false),
			"hmac-sha1", new Spec("HmacSHA1", 20, false));

	/** OpenSSH's own client order, less the UMACs sshj lacks. */
	private static final List<String> ORDER = List.of("hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com",
			"hmac-sha1-etm@openssh.com", "hmac-sha2-256", "hmac-sha2-512", "hmac-sha1");

	private JdkMacs() {
	}

	/**
	 * sshj's MAC list with the HMACs above swapped for JDK-backed ones of the same name, those first (in
	 * {@link #ORDER}), the others after them in their own order.
	 */
	static List<Factory.Named<MAC>> preferred(List<Factory.Named<MAC>> macs) {
		List<Factory.Named<MAC>> result = new ArrayList<>();
		for (Factory.Named<MAC> mac : macs) {
			Spec spec = SPECS.get(mac.getName());
			result.add(spec == null ? mac : new Named(mac.getName(), spec));
		}
		result.sort(Comparator.comparingInt(mac -> ORDER.indexOf(mac.getName()) < 0 ? ORDER.size()
				: ORDER.indexOf(mac.getName())));
		return result;
	}

	/** @param size the key and tag size in bytes (no truncated variants here) */
	private record Spec(String algorithm, int size, boolean etm) {
	}

	private record Named(String name, Spec spec) implements Factory.Named<MAC> {

		@Override
		public MAC create() {
			return new JdkMac(this.spec);
		}

		@Override
		public String getName() {
			return this.name;
		}

	}

	/** One direction's MAC: a JDK {@link Mac} over the sequence number and the packet, as sshj's BaseMAC does. */
	private static final class JdkMac implements MAC {

		private final Spec spec;

		private final byte[] sequence = new byte[4];

		private Mac mac;

		JdkMac(Spec spec) {
			this.spec = spec;
		}

		@Override
		public void init(byte[] key) {
			byte[] used = key.length > this.spec.size() ? Arrays.copyOf(key, this.spec.size()) : key;
			try {
				this.mac = jdkMac(this.spec.algorithm());
				this.mac.init(new SecretKeySpec(used, this.spec.algorithm()));
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
			return this.spec.size();
		}

		@Override
		public boolean isEtm() {
			return this.spec.etm();
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
