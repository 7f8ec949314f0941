package dev.runbookshell.shell;

import java.util.List;

/**
 * One answer a question takes: its letter or one of its full words, typed whole, in any case. Nothing else is
 * taken for it: a word that merely starts with the letter ({@code yolo}) or means something close ({@code next})
 * is not an answer, and the question is asked again.
 *
 * @param meaning what the answer stands for
 * @param spellings the letter, then the full words
 */
record Answer<T>(T meaning, List<String> spellings) {

	/** {@code y}/{@code yes} and {@code n}/{@code no}. */
	static final List<Answer<Boolean>> YES_NO = List.of(of(Boolean.TRUE, "y", "yes"), of(Boolean.FALSE, "n", "no"));

	Answer {
		spellings = List.copyOf(spellings);
	}

	static <T> Answer<T> of(T meaning, String... spellings) {
		return new Answer<>(meaning, List.of(spellings));
	}

	boolean matches(String typed) {
		return this.spellings.stream().anyMatch(spelling -> spelling.equalsIgnoreCase(typed));
	}

	/** {@code q, quit or stop}. */
	String describe() {
		if (this.spellings.size() == 1) {
			return this.spellings.get(0);
		}
		return String.join(", ", this.spellings.subList(0, this.spellings.size() - 1)) + " or "
				+ this.spellings.get(this.spellings.size() - 1);
	}

}
