package dev.runbookshell.journal;

import com.fasterxml.jackson.databind.EnumNamingStrategies;

/**
 * A state as the journal spells it: lower case, words joined by dashes ({@code timed-out}). Every state enum of an
 * event implements it and carries {@code @EnumNaming(EnumNamingStrategies.KebabCaseStrategy.class)}, so Jackson
 * (the one codec, {@link JournalCodec}) writes and reads the same spelling that messages and reports show.
 */
public interface WireName {

	/** The constant's name ({@link Enum#name()}). */
	String name();

	/** The journal spelling. */
	default String wire() {
		return this instanceof Enum<?> state ? WireSpellings.of(state) : spell(name());
	}

	/** {@code TIMED_OUT} as the journal spells it: {@code timed-out}. */
	static String spell(String constant) {
		return EnumNamingStrategies.KebabCaseStrategy.INSTANCE.convertEnumToExternalName(constant);
	}

	/** The spelling of a state an event may lack (an older journal's): null for null. */
	static String of(WireName state) {
		return state == null ? null : state.wire();
	}

}
