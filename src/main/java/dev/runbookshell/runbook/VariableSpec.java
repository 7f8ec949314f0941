package dev.runbookshell.runbook;

/**
 * A variable declared in front matter.
 *
 * @param name the variable name
 * @param defaultValue the default, or null when the operator must supply it
 * @param prompt the question to ask, or null
 * @param secret true when the value must be read without echo and masked everywhere
 * @param pattern a regular expression the value must match, or null
 */
public record VariableSpec(String name, String defaultValue, String prompt, boolean secret, String pattern) {
}
