package dev.runbookshell.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The tool's own {@code application.properties}, from its jar, as Spring's default properties. */
public final class ToolProperties {

	private static final String RESOURCE = "/application.properties";

	private ToolProperties() {
	}

	public static Map<String, Object> read() {
		Properties properties = new Properties();
		try (InputStream in = ToolProperties.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the tool's jar");
			}
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + RESOURCE + " from the tool's jar", ex);
		}
		Map<String, Object> values = new LinkedHashMap<>();
		properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
		return values;
	}

}
