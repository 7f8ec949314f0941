package dev.runbookshell.journal;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/** How a checklist item was answered, as a {@code check} event records it. */
@EnumNaming(EnumNamingStrategies.KebabCaseStrategy.class)
public enum CheckState implements WireName {

	/** Ticked. */
	CHECKED,
	/** Refused. */
	UNCHECKED,
	/** Neither: not asked, or left open. */
	UNVERIFIED

}
