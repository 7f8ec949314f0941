package dev.runbookshell.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The formats {@code runbook report} writes, with their usual file extensions. */
public enum ReportFormat {

	MD("md", MarkdownReport::new), HTML("html", HtmlReport::new), JUNIT("xml", JunitReport::new),
	JSON("json", JsonReport::new), CAST("cast", CastReport::new);

	private final String extension;

	private final Supplier<ReportRenderer> renderer;

	ReportFormat(String extension, Supplier<ReportRenderer> renderer) {
		this.extension = extension;
		this.renderer = renderer;
	}

	public String extension() {
		return this.extension;
	}

	public ReportRenderer renderer() {
		return this.renderer.get();
	}

	/** The name on the command line: md, html, junit, json, cast. */
	public String cliName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ReportFormat> fromCli(String name) {
		return Arrays.stream(values()).filter(f -> f.cliName().equalsIgnoreCase(name)).findFirst();
	}

}
