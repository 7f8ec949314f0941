package dev.runbookshell.config;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * The application context's message source, without messages: the tool has no message bundles. Without a bean of
 * this name the context builds Spring's empty default, whose base class lists every locale of the JVM when it
 * loads.
 */
@Component("messageSource")
class NoMessages implements MessageSource {

	@Override
	public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
		return defaultMessage;
	}

	@Override
	public String getMessage(String code, Object[] args, Locale locale) {
		throw new NoSuchMessageException(code, locale);
	}

	@Override
	public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
		if (resolvable.getDefaultMessage() != null) {
			return resolvable.getDefaultMessage();
		}
		String[] codes = resolvable.getCodes();
		throw new NoSuchMessageException(codes != null && codes.length > 0 ? codes[codes.length - 1] : "", locale);
	}

}
