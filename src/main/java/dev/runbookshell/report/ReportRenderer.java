package dev.runbookshell.report;

/** Turns a run into one document. Implementations are stateless. */
public interface ReportRenderer {

	String render(Run run);

}
