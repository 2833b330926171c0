package io.pushloss.report.excel;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The workbook's words in one language, from the message bundle {@code i18n/excel} ({@code excel.properties},
 * {@code excel_zh_CN.properties}): every label, title and sentence of the workbook comes from there, so a translator
 * reaches all of them.
 */
final class ExcelText {

	static final String BUNDLE = "i18n.excel";

	private final Locale locale;

	private final ResourceBundle bundle;

	ExcelText(Locale locale) {
		this.locale = locale;
		this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	Locale locale() {
		return this.locale;
	}

	/**
	 * The text of a key, with its arguments formatted for the locale (numbers grouped, as {@link MessageFormat}
	 * does).
	 * @throws MissingResourceException when the bundle lacks the key
	 */
	String get(String key, Object... arguments) {
		String pattern = this.bundle.getString(key);
		if (arguments.length == 0) {
			return pattern;
		}
		return new MessageFormat(pattern, this.locale).format(arguments);
	}

}
