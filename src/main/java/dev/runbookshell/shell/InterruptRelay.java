package dev.runbookshell.shell;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * Routes Ctrl-C to whatever runs in the foreground (a block on a target), so that an interrupt stops the
 * command and never the tool.
 */
@Component
public class InterruptRelay {

	private final AtomicReference<Runnable> current = new AtomicReference<>();

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

	/** Ends a {@link #during} registration. */
	public interface Registration extends AutoCloseable {

		@Override
		void close();

	}

}
