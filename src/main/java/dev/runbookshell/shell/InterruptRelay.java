package dev.runbookshell.shell;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

/**
 * Routes Ctrl-C to whatever runs in the foreground (a block on a target), so that an interrupt stops the
 * command and never the tool; and SIGTERM or SIGHUP to the open session, so that it ends recorded.
 */
@Component
public class InterruptRelay {

	private final AtomicReference<Runnable> current = new AtomicReference<>();

	private final AtomicReference<Predicate<String>> ender = new AtomicReference<>();

	/** Makes {@code action} the receiver of Ctrl-C until the returned handle is closed. */
	public Registration during(Runnable action) {
		this.current.set(action);
		return () -> this.current.compareAndSet(action, null);
	}

	/** Delivers an interrupt; false when nothing was listening. */
	public boolean fire() {
		Runnable action = this.current.get();
		if (action == null) {
			return false;
		}
		action.run();
		return true;
	}

	/**
	 * Makes {@code end} what a SIGTERM or SIGHUP ends (a session), until the returned handle is closed. It is given
	 * the reason and returns true when the command it belongs to ends by itself.
	 */
	public Registration ending(Predicate<String> end) {
		this.ender.set(end);
		return () -> this.ender.compareAndSet(end, null);
	}

	/** Ends what was registered with {@link #ending}; null when nothing was, else whether its command ends itself. */
	public Boolean end(String reason) {
		Predicate<String> end = this.ender.get();
		return end == null ? null : end.test(reason);
	}

	/** Ends a {@link #during} or {@link #ending} registration. */
	public interface Registration extends AutoCloseable {

		@Override
		void close();

	}

}
