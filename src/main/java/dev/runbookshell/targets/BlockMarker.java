package dev.runbookshell.targets;

/**
 * Where the target records the block its shell runs, so that a later run can ask whether that block is still
 * running, has finished or was stopped after the tool died ({@link TargetSession#previousBlock}).
 *
 * @param file the marker file on the target (in the session's private folder there)
 * @param shellPid the shell's process id, also its process group: the block's processes belong to it
 * @param token what the marker holds for this block (unique per run of a block)
 */
public record BlockMarker(String file, long shellPid, String token) {
}
