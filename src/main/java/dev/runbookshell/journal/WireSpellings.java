package dev.runbookshell.journal;

/**
 * Each state enum's journal spellings, worked out once per enum: reports, the terminal and the Markdown log ask
 * for them for every block, and Jackson's naming strategy builds the string anew on each call.
 */
final class WireSpellings extends ClassValue<String[]> {

	private static final WireSpellings SPELLINGS = new WireSpellings();

	private WireSpellings() {
	}

	static String of(Enum<?> state) {
		return SPELLINGS.get(state.getDeclaringClass())[state.ordinal()];
	}

	@Override
	protected String[] computeValue(Class<?> type) {
		Object[] constants = type.getEnumConstants();
		String[] spellings = new String[constants.length];
		for (int i = 0; i < constants.length; i++) {
			spellings[i] = WireName.spell(((Enum<?>) constants[i]).name());
		}
		return spellings;
	}

}
