package dev.runbookshell.config;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * Appends log records to a file it opens on the first record, so that a run that logs nothing touches no file.
 * Unlike {@link java.util.logging.FileHandler} it leaves no lock files behind.
 */
final class LazyFileHandler extends Handler {

	private final Path file;

	private Writer writer;

	LazyFileHandler(Path file) {
		this.file = file;
		setFormatter(new SimpleFormatter() {
			@Override
			public String format(LogRecord record) {
				String text = Instant.ofEpochMilli(record.getMillis()) + " " + record.getLevel() + " "
						+ record.getLoggerName() + ": " + formatMessage(record) + System.lineSeparator();
				if (record.getThrown() != null) {
					java.io.StringWriter trace = new java.io.StringWriter();
					record.getThrown().printStackTrace(new java.io.PrintWriter(trace));
					text += trace;
				}
				return text;
			}
		});
	}

	@Override
	public synchronized void publish(LogRecord record) {
		if (!isLoggable(record)) {
			return;
		}
		try {
			if (this.writer == null) {
				Files.createDirectories(this.file.toAbsolutePath().getParent());
				this.writer = Files.newBufferedWriter(this.file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
			}
			this.writer.write(getFormatter().format(record));
			this.writer.flush();
		}
		catch (IOException | RuntimeException ex) {
			reportError("cannot write the debug log " + this.file, ex,
					ErrorManager.WRITE_FAILURE);
		}
	}

	@Override
	public synchronized void flush() {
		try {
			if (this.writer != null) {
				this.writer.flush();
			}
		}
		catch (IOException ex) {
			reportError(null, ex, ErrorManager.FLUSH_FAILURE);
		}
	}

	@Override
	public synchronized void close() {
		try {
			if (this.writer != null) {
				this.writer.close();
			}
		}
		catch (IOException ex) {
			reportError(null, ex, ErrorManager.CLOSE_FAILURE);
		}
	}

}
