package dev.runbookshell.session;

import java.util.function.Function;

/**
 * The answer a reading of a block's text gave the last time, kept because the engine asks about the same text
 * several times on a block's way (prompt, decision, typed confirmation, the run itself) and the answer depends on
 * the text alone. One text is kept: threads of a fleet only replace each other's.
 */
final class LastReading<T> {

	private final Function<String, T> read;

	private volatile Reading<T> last;

	LastReading(Function<String, T> read) {
		this.read = read;
	}

	T of(String text) {
		Reading<T> known = this.last;
		if (known != null && known.text().equals(text)) {
			return known.answer();
		}
		T answer = this.read.apply(text);
		this.last = new Reading<>(text, answer);
		return answer;
	}

	private record Reading<T>(String text, T answer) {
	}

}
