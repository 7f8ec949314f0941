package dev.runbookshell.target.ssh;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import net.schmizz.sshj.common.Factory;

/**
 * Reorders one of sshj's algorithm lists (ciphers, MACs): the named algorithms first, in the given order, each
 * built by our own factory instead of sshj's; the others after them in sshj's order. Nothing is added or dropped,
 * and the server still picks the first of the list that it also allows.
 *
 * @param <T> what the factories make
 */
record PreferredAlgorithms<T>(List<String> order, Map<String, Supplier<T>> factories) {

	List<Factory.Named<T>> applyTo(List<Factory.Named<T>> sshj) {
		List<Factory.Named<T>> result = new ArrayList<>();
		for (Factory.Named<T> algorithm : sshj) {
			Supplier<T> ours = this.factories.get(algorithm.getName());
			result.add(ours == null ? algorithm : new Named<>(algorithm.getName(), ours));
		}
		result.sort(Comparator.comparingInt(this::rank));
		return result;
	}

	private int rank(Factory.Named<T> algorithm) {
		int index = this.order.indexOf(algorithm.getName());
		return index < 0 ? this.order.size() : index;
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
