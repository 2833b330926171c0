package io.pushloss.report.pdf;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.ResourceBundle;

import io.pushloss.analysis.ReportText;

/**
 * The report's message bundles ({@code i18n/pdf} and the shared vocabulary) as the templates'
 * {@code REPORT_RESOURCE_BUNDLE}, so a template says {@code $R{pdf.codes.title}} and gets it in the report's
 * language (English when the language lacks the key). Texts read this way are shown as written: keys read by
 * templates avoid {@code ''} (the PDF bundle writes a typographic apostrophe instead).
 */
final class TextBundle extends ResourceBundle {

	private final ReportText text;

	TextBundle(ReportText text) {
		this.text = text;
	}

	@Override
	protected Object handleGetObject(String key) {
		return this.text.has(key) ? this.text.get(key) : null;
	}

	@Override
	public Enumeration<String> getKeys() {
		return Collections.emptyEnumeration();
	}

	@Override
	public Locale getLocale() {
		return this.text.locale();
	}

}
