package dev.runbookshell.session;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.runbookshell.journal.JournalEvent.ToolRef;

/**
 * How a session is set up.
 *
 * @param targetName the target's name as the operator gave it
 * @param targetUri its URI
 * @param tool name and version of the tool, for the journal
 * @param operator who runs the session
 * @param host the machine the tool runs on
 * @param variables values given up front ({@code --var}, answers file); never asked
 * @param from first block (id or name) of the flow, or null
 * @param to last block (id or name) of the flow, or null
 * @param force proceed although a replayed or resumed log no longer matches
 * @param resume the journal being resumed (appended to), or null
 * @param replay the journal whose decisions are replayed, or null
 * @param onUnknown what an unattended session does with a block whose outcome is unknown
 */
public record SessionSettings(String targetName, String targetUri, ToolRef tool, String operator, String host,
		Map<String, String> variables, String from, String to, boolean force, JournalHistory resume,
		JournalHistory replay, OnUnknown onUnknown) {

	public SessionSettings {
		variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
	}

	/** A fresh session on {@code targetName} run by the current user on this machine. */
	public static SessionSettings of(String targetName, String targetUri, ToolRef tool) {
		Operator operator = Operator.current();
		return new SessionSettings(targetName, targetUri, tool, operator.user(), operator.host(), Map.of(), null,
				null, false, null, null, OnUnknown.STOP);
	}

	public SessionSettings withVariables(Map<String, String> given) {
		return new SessionSettings(this.targetName, this.targetUri, this.tool, this.operator, this.host, given,
				this.from, this.to, this.force, this.resume, this.replay, this.onUnknown);
	}

	public SessionSettings withRange(String from, String to) {
		return new SessionSettings(this.targetName, this.targetUri, this.tool, this.operator, this.host,
				this.variables, from, to, this.force, this.resume, this.replay, this.onUnknown);
	}

	public SessionSettings withHistory(JournalHistory resume, JournalHistory replay, boolean force) {
		return new SessionSettings(this.targetName, this.targetUri, this.tool, this.operator, this.host,
				this.variables, this.from, this.to, force, resume, replay, this.onUnknown);
	}

	public SessionSettings withOnUnknown(OnUnknown policy) {
		return new SessionSettings(this.targetName, this.targetUri, this.tool, this.operator, this.host,
				this.variables, this.from, this.to, this.force, this.resume, this.replay, policy);
	}

}
