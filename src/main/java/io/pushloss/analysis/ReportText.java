package io.pushloss.analysis;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

/**
 * Every word a reader sees, in one language: the message bundles under {@code i18n/} ({@code report} for the
 * shared vocabulary, {@code email}, {@code pdf} and {@code excel} for each document) and numbers, dates and week
 * names formatted for that language. Immutable and thread-safe; {@link ReportTexts} hands them out.
 * <p>
 * A key missing from a language's bundle falls back to English ({@code report.properties} and the others without a
 * suffix), never to the language of the machine; a key missing from English is an error
 * ({@link NoSuchMessageException}), caught by the bundle tests. Every message is a
 * {@link java.text.MessageFormat} pattern, with arguments or without (an apostrophe is always written {@code ''});
 * arguments are passed already formatted, as text.
 */
public final class ReportText {

	/** The bundles, in lookup order. */
	public static final List<String> BASENAMES = List.of("i18n/report", "i18n/email", "i18n/pdf", "i18n/excel");

	/** The languages a job or a recipient group may choose. */
	public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

	private final MessageSource messages;

	private final Locale locale;

	private final NumberFormat wholeNumbers;

	private final NumberFormat oneDecimal;

	private final DateTimeFormatter day;

	private final DateTimeFormatter dayInSameMonth;

	private final DateTimeFormatter date;

	ReportText(MessageSource messages, Locale locale) {
		this.messages = Objects.requireNonNull(messages, "messages");
		this.locale = Objects.requireNonNull(locale, "locale");
		this.wholeNumbers = NumberFormat.getIntegerInstance(locale);
		this.wholeNumbers.setGroupingUsed(true);
		this.oneDecimal = NumberFormat.getNumberInstance(locale);
		this.oneDecimal.setMinimumFractionDigits(1);
		this.oneDecimal.setMaximumFractionDigits(1);
		this.oneDecimal.setRoundingMode(java.math.RoundingMode.HALF_UP);
		this.day = DateTimeFormatter.ofPattern(get("format.day"), locale);
		this.dayInSameMonth = DateTimeFormatter.ofPattern(get("format.day.same-month"), locale);
		this.date = DateTimeFormatter.ofPattern(get("format.date"), locale);
	}

	/** The bundled messages: UTF-8, English as the fallback, never the system locale. A new source each call. */
	public static MessageSource bundledMessages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames(BASENAMES.toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setUseCodeAsDefaultMessage(false);
		// every message is a MessageFormat pattern, with arguments or without: '' is always an apostrophe
		source.setAlwaysUseMessageFormat(true);
		return source;
	}

	/** The bundled texts in one language (for tests and tools; the application uses the {@link ReportTexts} bean). */
	public static ReportText bundled(Locale locale) {
		return new ReportText(bundledMessages(), locale);
	}

	/** The language of these texts. */
	public Locale locale() {
		return this.locale;
	}

	/** Whether the language is Chinese (for layout choices such as a CJK font). */
	public boolean chinese() {
		return "zh".equals(this.locale.getLanguage());
	}

	/**
	 * The message of {@code key}, with {@code args} put in its {@code {0}}, {@code {1}}...
	 * @throws NoSuchMessageException when not even English has the key
	 */
	public String get(String key, Object... args) {
		return this.messages.getMessage(key, (args.length == 0) ? null : args, this.locale);
	}

	/** The message of {@code key}, or {@code fallback} when no bundle has it. */
	public String getOrDefault(String key, String fallback) {
		return this.messages.getMessage(key, null, fallback, this.locale);
	}

	/** Whether some bundle (this language's or English) has {@code key}. */
	public boolean has(String key) {
		return this.messages.getMessage(key, null, null, this.locale) != null;
	}

	/** A whole number with the language's grouping: {@code 23,225}. */
	public String count(long count) {
		return ((NumberFormat) this.wholeNumbers.clone()).format(count);
	}

	/** A count with its sign, {@code +1,204} or {@code -87} ({@code 0} unsigned). */
	public String signedCount(long delta) {
		return ((delta > 0) ? "+" : "") + count(delta);
	}

	/** A change against last week: {@code +8.1%}, or the language's word for "new" when last week was 0. */
	public String percent(WeekOverWeek counts) {
		Double fraction = counts.percentChange();
		if (fraction == null) {
			return (counts.thisWeek() == 0) ? get("format.percent", "0.0") : get("change.new");
		}
		// half up from the four-decimal fraction, as WeekOverWeek.percentLabel() and summary.json round it
		String number = ((NumberFormat) this.oneDecimal.clone())
			.format(java.math.BigDecimal.valueOf(fraction).movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP));
		return get("format.percent", ((fraction > 0) ? "+" : "") + number);
	}

	/** A factor against a baseline, {@code 8.3x} ({@code 8.3倍}). */
	public String factor(double factor) {
		return get("format.factor", ((NumberFormat) this.oneDecimal.clone()).format(factor));
	}

	/** A week with its days: {@code 2026-W46 (Nov 9-15)}, {@code 2026年第46周（11月9日至15日）}. */
	public String week(IsoWeek week) {
		LocalDate first = week.monday();
		LocalDate last = week.sunday();
		String lastText = (first.getMonth() == last.getMonth()) ? this.dayInSameMonth.format(last) : this.day.format(last);
		return get("format.week", String.valueOf(week.year()), String.format(Locale.ROOT, "%02d", week.week()),
				this.day.format(first), lastText, String.valueOf(week.week()));
	}

	/** A week's short name: {@code 2026-W46}, {@code 2026年第46周}. */
	public String weekShort(IsoWeek week) {
		return get("format.week.short", String.valueOf(week.year()), String.format(Locale.ROOT, "%02d", week.week()),
				String.valueOf(week.week()));
	}

	/** A date: {@code Nov 9, 2026}, {@code 2026年11月9日}. */
	public String date(LocalDate day) {
		return this.date.format(day);
	}

	/** The vendor's name for readers ({@code 华为} in Chinese). */
	public String vendor(Vendor vendor) {
		return get("vendor." + vendor.name());
	}

	/** The stage in plain words ("Not sent to the vendor"). */
	public String stage(Stage stage) {
		return get("stage." + stage.name());
	}

	/** One line saying what the stage means. */
	public String stageExplained(Stage stage) {
		return get("stage." + stage.name() + ".explain");
	}

	/** The source's name ("Push to all"). */
	public String source(LossSource source) {
		return get("source." + source.name());
	}

	/** One line saying what the source counts. */
	public String sourceExplained(LossSource source) {
		return get("source." + source.name() + ".explain");
	}

	/** Who acts on a cause ("Client app team"). */
	public String owner(RemediationOwner owner) {
		return get("owner." + owner.name());
	}

	/** Why pushes were lost ("Invalid or expired token"). */
	public String category(LossCategory category) {
		return get("category." + category.name());
	}

	/** How a cause moved ("new", "up"). */
	public String direction(Direction direction) {
		return get("direction." + direction.name());
	}

	/** How a code moved against last week. */
	public String status(CodeStatus status) {
		return get("status." + status.name());
	}

	/** What a cause means, in this language (the catalogue's text, else its English). */
	public String meaning(Remediation remediation) {
		return remediation.catalogued() ? remediation.meaning(this.locale) : get("remediation.uncatalogued.meaning");
	}

	/** What to do about a cause, in this language. */
	public String action(Remediation remediation) {
		return remediation.catalogued() ? remediation.action(this.locale) : get("remediation.uncatalogued.action");
	}

	/** {@code "8.3x its baseline"}, or {@code "none in the 4 weeks before"} when the baseline is 0. */
	public String factorOfBaseline(java.math.BigDecimal factor, int baselineWeeks) {
		return (factor == null) ? get("factor.no-baseline", String.valueOf(baselineWeeks))
				: get("factor.of-baseline", factor(factor.doubleValue()));
	}

	/** The event type in plain words. */
	public String eventType(io.pushloss.domain.EventType type) {
		return get("event-type." + type.name());
	}

	/** The glossary line: stages, sources, share and baseline in one sentence each. */
	public String glossary(int baselineWeeks) {
		return get("glossary", String.valueOf(baselineWeeks));
	}

	@Override
	public String toString() {
		return "ReportText[" + this.locale.toLanguageTag() + "]";
	}

}
