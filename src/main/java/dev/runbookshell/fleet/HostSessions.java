package dev.runbookshell.fleet;

import dev.runbookshell.session.Confirmer;
import dev.runbookshell.session.JournalProof;
import dev.runbookshell.session.RunSession;
import dev.runbookshell.session.SessionListener;
import dev.runbookshell.targets.TargetException;

/**
 * How one host's ordinary session is assembled (target opened, journal new or continued, signing and shipping
 * attached, session started), as for a single target; the fleet only hands it the host's confirmer and listener.
 */
@FunctionalInterface
public interface HostSessions {

	/**
	 * @throws TargetException when the host cannot be reached
	 * @throws dev.runbookshell.session.SessionRefusedException when its journal or settings are refused
	 */
	Opened start(FleetHost host, Confirmer confirmer, SessionListener listener) throws TargetException;

	/**
	 * A host's session as it was opened.
	 *
	 * @param session the session
	 * @param proof its journal's signing and shipping, finished by the fleet once the session closed
	 */
	record Opened(RunSession session, JournalProof proof) {
	}

}
