package dev.runbookshell.runbook;

/**
 * A {@code - [ ]} item: a manual check the operator ticks during the session.
 *
 * @param line 1-based line of the item
 * @param text the item's text
 * @param checked whether it is already ticked in the file ({@code - [x]})
 * @param section the number of the section it belongs to
 */
public record ChecklistItem(int line, String text, boolean checked, String section) {
}
