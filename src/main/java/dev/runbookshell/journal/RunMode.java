package dev.runbookshell.journal;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/** Who answered a session's questions, as {@code session-started} and {@code session-resumed} record it. */
@EnumNaming(EnumNamingStrategies.KebabCaseStrategy.class)
public enum RunMode implements WireName {

	/** An operator at a terminal. */
	INTERACTIVE,
	/** {@code --yes}. */
	YES,
	/** {@code --answers FILE}. */
	ANSWERS,
	/** {@code --replay LOG}. */
	REPLAY,
	/** Written by {@code runbook ansible import} from ansible-playbook's results. */
	ANSIBLE

}
