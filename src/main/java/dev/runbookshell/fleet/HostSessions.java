package dev.runbookshell.fleet;

import dev.runbookshell.session.Confirmer;
import dev.runbookshell.session.RunSession;
import dev.runbookshell.session.SessionListener;
import dev.runbookshell.targets.TargetException;

/**
 * How one host's ordinary session is assembled (target opened, journal new or continued, session started), as
 * for a single target; the fleet only hands it the host's confirmer and listener.
 */
@FunctionalInterface
public interface HostSessions {

	/**
	 * @throws TargetException when the host cannot be reached
	 * @throws dev.runbookshell.session.SessionRefusedException when its journal or settings are refused
	 */
	RunSession start(FleetHost host, Confirmer confirmer, SessionListener listener) throws TargetException;

}
