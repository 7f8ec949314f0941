package dev.runbookshell.session;

import java.util.Map;

/**
 * A block ready to be sent: its values known.
 *
 * @param script what the shell receives (placeholders as quoted variable references)
 * @param shown the command as recorded and shown, values substituted, secrets masked
 * @param exports front-matter env and variables exported before the script runs
 */
record PreparedBlock(String script, String shown, Map<String, String> exports) {
}
