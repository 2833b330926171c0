package io.pushloss.analysis;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;

/**
 * Hands out the {@link ReportText} of a language, one instance per language for the life of the bean. The
 * application's bean reads the bundled {@code i18n/} message bundles ({@link ReportText#bundledMessages()}).
 */
public final class ReportTexts {

	private final MessageSource messages;

	private final Map<Locale, ReportText> byLocale = new ConcurrentHashMap<>();

	public ReportTexts(MessageSource messages) {
		this.messages = messages;
	}

	/** Texts from the bundled message bundles. */
	public static ReportTexts bundled() {
		return new ReportTexts(ReportText.bundledMessages());
	}

	/** The message bundles behind the texts (for template engines that resolve {@code #{key}} themselves). */
	public MessageSource messages() {
		return this.messages;
	}

	/** The texts in {@code locale} (English for a language without bundles). */
	public ReportText in(Locale locale) {
		return this.byLocale.computeIfAbsent(locale, (key) -> new ReportText(this.messages, key));
	}

}
