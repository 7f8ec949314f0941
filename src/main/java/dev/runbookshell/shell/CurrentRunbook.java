package dev.runbookshell.shell;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import dev.runbookshell.runbook.Runbook;

/**
 * The runbook opened with {@code open} in the interactive shell. Commands that take an optional FILE fall back
 * to it; whoever keeps per-runbook state (the session) listens with {@link #onChange} to reset it.
 */
@Component
public class CurrentRunbook {

	private final AtomicReference<Runbook> current = new AtomicReference<>();

	private final List<Consumer<Runbook>> listeners = new CopyOnWriteArrayList<>();

	public Optional<Runbook> get() {
		return Optional.ofNullable(this.current.get());
	}

	/** The open runbook, or a usage error telling the operator to open one. */
	public Runbook require() {
		return get().orElseThrow(() -> CliException.usage("no runbook is open: use 'open FILE'"));
	}

	/** Makes {@code runbook} the open one and tells every listener. */
	public void set(Runbook runbook) {
		this.current.set(runbook);
		for (Consumer<Runbook> listener : this.listeners) {
			listener.accept(runbook);
		}
	}

	/** Calls {@code listener} with the new runbook each time one is opened. */
	public void onChange(Consumer<Runbook> listener) {
		this.listeners.add(listener);
	}

}
