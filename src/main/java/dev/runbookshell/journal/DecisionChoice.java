package dev.runbookshell.journal;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/**
 * What a {@code decision} event chose for a block ({@code edit-retry}): the first five answer "run this block?",
 * the rest "it failed, now what?".
 */
@EnumNaming(EnumNamingStrategies.KebabCaseStrategy.class)
public enum DecisionChoice implements WireName {

	RUN, SKIP, EDIT, ALL, STOP, RETRY, EDIT_RETRY, IGNORE, ROLLBACK

}
