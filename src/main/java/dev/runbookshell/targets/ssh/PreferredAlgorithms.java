package dev.runbookshell.targets.ssh;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import net.schmizz.sshj.common.Factory;

/**
 * Narrows one of sshj's algorithm lists (ciphers, MACs) to what the OpenSSH client offers by default, in its
 * order: the named algorithms that sshj has, each built by our own factory where we have one. sshj's legacy
 * extras (3DES, Blowfish, arcfour, MD5 and RIPEMD MACs, truncated SHA-1) are dropped, so a server that allows
 * nothing better is refused as {@code ssh} itself would refuse it. Nothing is added; the server still picks the
 * first of the list that it also allows.
 *
 * @param <T> what the factories make
 */
record PreferredAlgorithms<T>(List<String> order, Map<String, Supplier<T>> factories) {

	List<Factory.Named<T>> applyTo(List<Factory.Named<T>> sshj) {
		List<Factory.Named<T>> result = new ArrayList<>();
		for (Factory.Named<T> algorithm : sshj) {
			if (!this.order.contains(algorithm.getName())) {
				continue;
			}
			Supplier<T> ours = this.factories.get(algorithm.getName());
			result.add(ours == null ? algorithm : new Named<>(algorithm.getName(), ours));
		}
		result.sort(Comparator.comparingInt(this::rank));
		return result;
	}

	private int rank(Factory.Named<T> algorithm) {
		return this.order.indexOf(algorithm.getName());
	}

	private record Named<T>(String name, Supplier<T> factory) implements Factory.Named<T> {

		@Override
		public T create() {
			return this.factory.get();
		}

		@Override
		public String getName() {
			return this.name;
		}

	}

}
