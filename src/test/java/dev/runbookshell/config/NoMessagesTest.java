package dev.runbookshell.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** As Spring's empty default message source: the default message, else no such message. */
class NoMessagesTest {

	private final NoMessages messages = new NoMessages();

	@Test
	void aDefaultMessageIsGivenBack() {
		assertThat(this.messages.getMessage("code", null, "fallback", Locale.ROOT)).isEqualTo("fallback");
		assertThat(this.messages.getMessage(new DefaultMessageSourceResolvable(new String[] { "a" }, "given"),
				Locale.ROOT))
			.isEqualTo("given");
	}

	@Test
	void withoutADefaultThereIsNoSuchMessage() {
		assertThatThrownBy(() -> this.messages.getMessage("code", null, Locale.ROOT))
			.isInstanceOf(NoSuchMessageException.class)
			.hasMessageContaining("code");
		assertThatThrownBy(() -> this.messages
			.getMessage(new DefaultMessageSourceResolvable(new String[] { "first", "last" }), Locale.ROOT))
			.isInstanceOf(NoSuchMessageException.class)
			.hasMessageContaining("last");
	}

}
