package dev.runbookshell.journal.shipping;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where {@code --ship} sends a journal: {@code syslog://host:port} (RFC 5424 over TCP, port 514 when none is
 * given) or {@code file:///dir}, a directory that must exist (a share on another mount: one that is not mounted is
 * not silently replaced by a local folder).
 *
 * @param uri the URI as given
 * @param kind which sink
 * @param host the syslog host, or null
 * @param port the syslog port, or 0
 * @param directory the directory, or null
 */
public record ShipDestination(String uri, Kind kind, String host, int port, Path directory) {

	/** The kinds of sink. */
	public enum Kind {
		SYSLOG, DIRECTORY
	}

	/** @throws ShippingException naming the URI when it is neither form, or the directory does not exist */
	public static ShipDestination parse(String text) {
		URI uri;
		try {
			uri = new URI(text.strip());
		}
		catch (URISyntaxException ex) {
			throw new ShippingException("--ship " + text + ": not a URI (" + ex.getMessage() + ")", ex);
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		switch (scheme) {
			case "syslog" -> {
				if (uri.getHost() == null) {
					throw new ShippingException("--ship " + text + ": no host (syslog://host:port)");
				}
				return new ShipDestination(text, Kind.SYSLOG, uri.getHost(), uri.getPort() < 0 ? 514 : uri.getPort(),
						null);
			}
			case "file" -> {
				Path directory;
				try {
					directory = Path.of(uri);
				}
				catch (IllegalArgumentException ex) {
					throw new ShippingException("--ship " + text + ": not a file URI (file:///dir)", ex);
				}
				if (!Files.isDirectory(directory)) {
					throw new ShippingException("--ship " + text + ": no such directory " + directory);
				}
				return new ShipDestination(text, Kind.DIRECTORY, null, 0, directory);
			}
			default -> throw new ShippingException("--ship " + text + ": expected syslog://host:port or file:///dir");
		}
	}

	/** A sink for this destination; {@code host} names this machine in syslog headers. */
	public EventSink sink(String journalName, String host) {
		return this.kind == Kind.SYSLOG ? new SyslogSink(this, journalName, host)
				: new DirectorySink(this, journalName);
	}

}
