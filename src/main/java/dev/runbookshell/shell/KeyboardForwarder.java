package dev.runbookshell.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

import dev.runbookshell.session.BlockInput;
import dev.runbookshell.session.Confirmer;

/**
 * Sends what the operator types to an interactive block, a line at a time, while it runs. The target has no
 * terminal, so the local one edits the line. Not in the terminal's canonical mode: a read there blocks until Enter
 * and cannot be stopped when the block ends. The terminal is read with timeouts instead, out of canonical mode but
 * with Ctrl-C still raising SIGINT (which the shell relays to the block as an interrupt), and {@link CookedLine}
 * echoes and edits. When the block ends, whatever was typed too late, a half-typed line included, is thrown away,
 * so that it never reaches the next prompt.
 */
final class KeyboardForwarder implements Confirmer.Typing {

	private static final char CTRL_D = 0x04;

	private static final long POLL_MILLIS = 100;

	private static final int DRAIN_LIMIT = 1 << 20;

	private final Terminal terminal;

	private final BlockInput input;

	private final Attributes before;

	private final CookedLine line = new CookedLine();

	private final AtomicInteger unsent = new AtomicInteger();

	private final Thread thread;

	private volatile boolean stopped;

	private KeyboardForwarder(Terminal terminal, BlockInput input, Attributes before) {
		this.terminal = terminal;
		this.input = input;
		this.before = before;
		this.thread = new Thread(this::forward, "keyboard-to-block");
		this.thread.setDaemon(true);
	}

	/** Starts reading the keyboard; {@link #close()} stops it and restores the terminal. */
	static KeyboardForwarder start(Terminal terminal, BlockInput input) {
		Attributes before = terminal.enterRawMode();
		Attributes typing = terminal.getAttributes();
		typing.setLocalFlag(LocalFlag.ISIG, true);
		terminal.setAttributes(typing);
		KeyboardForwarder forwarder = new KeyboardForwarder(terminal, input, before);
		forwarder.thread.start();
		return forwarder;
	}

	private void forward() {
		NonBlockingReader reader = this.terminal.reader();
		boolean toldAboutEndOfInput = false;
		try {
			while (!this.stopped) {
				int c = reader.read(POLL_MILLIS);
				if (c == NonBlockingReader.READ_EXPIRED) {
					continue;
				}
				if (c == NonBlockingReader.EOF) {
					return;
				}
				if (c == CTRL_D && !this.line.pending()) {
					// The block's stdin is the session shell's own, which must stay open for the next block.
					if (!toldAboutEndOfInput) {
						say("\n    (end of input cannot be sent to a block; Ctrl-C interrupts it)");
						toldAboutEndOfInput = true;
					}
					continue;
				}
				StringBuilder echo = new StringBuilder();
				String done = this.line.accept((char) c, echo);
				print(echo);
				if (done != null && !this.input.send(done.getBytes(StandardCharsets.UTF_8))) {
					this.unsent.incrementAndGet();
				}
			}
		}
		catch (IOException ex) {
			// The terminal is gone: there is nothing left to forward.
		}
	}

	/** Stops forwarding (the block has ended), throws away type-ahead and gives the terminal back as it was. */
	@Override
	public void close() {
		this.stopped = true;
		try {
			this.thread.join(2 * POLL_MILLIS + 1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		int discarded = discardTypeAhead();
		this.terminal.setAttributes(this.before);
		if (discarded > 0 || this.unsent.get() > 0 || this.line.pending()) {
			say("\n    (typed after the block ended: not sent)");
		}
	}

	private int discardTypeAhead() {
		int count = 0;
		try {
			while (count < DRAIN_LIMIT && this.terminal.reader().read(1) >= 0) {
				count++;
			}
		}
		catch (IOException ex) {
			// Nothing more can be read, so nothing more can leak.
		}
		return count;
	}

	private void print(CharSequence echo) {
		if (!echo.isEmpty()) {
			this.terminal.writer().print(echo);
			this.terminal.flush();
		}
	}

	private void say(String text) {
		this.terminal.writer().println(text);
		this.terminal.flush();
	}

}
