package dev.runbookshell.fleet;

import dev.runbookshell.session.SessionListener.BlockReport;

/**
 * One run of a block on one host, as the block summary groups it.
 *
 * @param host the host's name
 * @param report how it ended
 * @param output its masked output (capped)
 */
record HostBlock(String host, BlockReport report, String output) {
}
