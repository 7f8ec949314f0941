package dev.runbookshell.journal;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/** How a session ended, as {@code session-finished} records it. */
@EnumNaming(EnumNamingStrategies.KebabCaseStrategy.class)
public enum SessionStatus implements WireName {

	/** Every block of the flow succeeded or was skipped. */
	SUCCEEDED,
	/** A block failed, timed out or ended unknown (even when the operator ignored it). */
	FAILED,
	/** Stopped by a decision before the end, nothing failed. */
	STOPPED,
	/** Stopped because the operator interrupted a block, or a signal ended the session. */
	INTERRUPTED

}
