package io.pushloss.report.pdf;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Collectors;

import io.pushloss.analysis.Completeness.WeekCompleteness;
import io.pushloss.analysis.ReportHeader;
import io.pushloss.analysis.ReportStory;
import io.pushloss.analysis.ReportText;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.util.JRStringUtil;

/**
 * The main template's parameters for one report: its texts, already composed in the report's language, and one
 * data source per table and chart. The names are the contract with {@code weekly-report.jrxml} (listed at its top).
 */
final class ReportParameters {

	private ReportParameters() {
	}

	static Map<String, Object> of(WeeklyReport report, ReportText text) {
		ReportHeader header = report.header();
		ReportStory story = report.story();
		ZoneId zone = header.zone();
		int baselineWeeks = header.baselineWeeks().size();
		String week = text.weekShort(header.week());
		String previousWeek = text.weekShort(header.previousWeek());
		Map<String, Object> parameters = new HashMap<>();
		parameters.put(JRParameter.REPORT_LOCALE, text.locale());
		parameters.put(JRParameter.REPORT_RESOURCE_BUNDLE, new TextBundle(text));
		parameters.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(zone));
		parameters.put("TITLE", header.displayName());
		parameters.put("WEEK", week);
		parameters.put("PREVIOUS_WEEK", previousWeek);
		parameters.put("WEEK_LINE", text.get("pdf.title.week", text.week(header.week()), zone.getId()));
		parameters.put("CONTEXT_LINE", text.get("pdf.title.context", String.valueOf(header.sdkAppId()), previousWeek,
				String.valueOf(baselineWeeks)));
		parameters.put("RUNNING_HEADER", text.get("pdf.running-header", header.displayName(), week));
		String generated = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm VV", text.locale())
			.format(header.generatedAt().atZone(zone));
		parameters.put("FOOTER", text.get("pdf.footer.generated", generated, header.displayName(), week)
				+ (report.partial() ? "  ·  " + text.get("term.partial") : ""));

		List<WeekCompleteness> incomplete = report.completeness()
			.weeks()
			.stream()
			.filter((missing) -> !missing.missing().isEmpty())
			.toList();
		parameters.put("PARTIAL", report.partial());
		parameters.put("PARTIAL_TEXT", text.get("pdf.partial",
				String.valueOf(incomplete.stream().mapToInt((missing) -> missing.missing().size()).sum()),
				incomplete.stream()
					.map((missing) -> text.get("pdf.partial.week", text.weekShort(missing.week()),
							String.valueOf(missing.plannedWindows() - missing.storedWindows()),
							String.valueOf(missing.plannedWindows())))
					.collect(Collectors.joining("; "))));
		parameters.put("EMPTY", report.empty());
		parameters.put("EMPTY_TITLE", text.get("pdf.empty.title", week, previousWeek));
		parameters.put("EMPTY_TEXT", text.get(report.partial() ? "pdf.empty.text.partial" : "pdf.empty.text"));

		List<Map<String, Object>> attention = ReportRows.attention(story, text, baselineWeeks);
		List<Map<String, Object>> tasks = ReportRows.tasks(report, text);
		List<Map<String, Object>> trend = ReportRows.trend(report, story, text);
		parameters.put("ANOMALY_COUNT", story.anomalies().size());
		parameters.put("ATTENTION_SUBTITLE", text.get("pdf.attention.subtitle", String.valueOf(baselineWeeks)));
		parameters.put("ATTENTION_MORE", (story.anomalies().size() > attention.size())
				? text.get("pdf.attention.more", String.valueOf(story.anomalies().size() - attention.size())) : null);
		parameters.put("TASK_COUNT", tasks.size());
		parameters.put("TREND_COUNT", trend.size());
		List<LossSource> sources = story.headlines().stream().map(ReportStory.SourceHeadline::source).toList();
		parameters.put("SOURCE_A", (sources.size() > 0) ? text.source(sources.get(0)) : null);
		parameters.put("SOURCE_B", (sources.size() > 1) ? text.source(sources.get(1)) : null);
		parameters.put("CODES_LEFT_OUT", ReportRows.codesLeftOut(report, text));
		parameters.put("MOVERS", movers(story, text));
		parameters.put("GLOSSARY", glossary(report, text));
		parameters.put("HEADLINE_DATA", source(ReportRows.headline(story, text, report)));
		parameters.put("TOTALS_DATA", source(ReportRows.totals(story, text)));
		parameters.put("ATTENTION_DATA", source(attention));
		parameters.put("VENDOR_CHARTS_DATA", source(ReportRows.vendorCharts(story, text, report)));
		parameters.put("VENDORS_DATA", source(ReportRows.vendorTable(story, text)));
		parameters.put("CODES_DATA", source(ReportRows.codes(report, text)));
		parameters.put("CODE_LIST_DATA", source(ReportRows.codesLeftOutList(report, text)));
		parameters.put("TASKS_DATA", source(tasks));
		parameters.put("TREND_DATA", source(trend));
		return parameters;
	}

	/**
	 * Page 1's other changes: the story's largest increases and decreases that are not anomalies, up to three each,
	 * one line each with a coloured arrow, as styled text (every text escaped); {@code null} when there are none.
	 */
	static String movers(ReportStory story, ReportText text) {
		StringBuilder lines = new StringBuilder();
		mover(lines, story.increases(), text, "#B03A2E", "▲");
		mover(lines, story.decreases(), text, "#1E7B4A", "▼");
		return lines.isEmpty() ? null : lines.toString();
	}

	private static void mover(StringBuilder lines, List<ReportStory.Cause> causes, ReportText text, String colour,
			String arrow) {
		for (ReportStory.Cause cause : causes.stream().limit(3).toList()) {
			ReportStory.SourceFigure lead = cause.lead();
			if (!lines.isEmpty()) {
				lines.append('\n');
			}
			lines.append("<style forecolor=\"").append(colour).append("\" isBold=\"true\">").append(arrow).append(' ')
				.append(JRStringUtil.xmlEncode(ReportRows.percent(lead.counts(), text)))
				.append("</style>  <style isBold=\"true\">")
				.append(JRStringUtil.xmlEncode(text.vendor(cause.vendor()) + " " + cause.errCode()))
				.append("</style>  ")
				.append(JRStringUtil.xmlEncode(text.get("pdf.movers.line", text.meaning(cause.remediation()),
						text.count(lead.counts().thisWeek()), text.count(lead.counts().lastWeek()),
						text.source(lead.source()))));
		}
	}

	/** The glossary as styled text (bold terms); every text is escaped, the markup is only this method's. */
	static String glossary(WeeklyReport report, ReportText text) {
		int baselineWeeks = report.header().baselineWeeks().size();
		StringBuilder glossary = new StringBuilder();
		for (LossSource source : LossSource.values()) {
			term(glossary, text.source(source), text.sourceExplained(source));
		}
		for (Stage stage : Stage.values()) {
			term(glossary, text.stage(stage), text.stageExplained(stage));
		}
		term(glossary, text.get("week.baseline"), text.get("term.baseline.explain", String.valueOf(baselineWeeks)));
		term(glossary, text.get("pdf.glossary.factor"), text.get("term.factor.explain"));
		term(glossary, text.get("term.anomaly"), text.get("pdf.glossary.anomaly"));
		term(glossary, text.get("term.change"), text.get("pdf.glossary.change",
				text.weekShort(report.header().previousWeek()), text.get("change.new")));
		term(glossary, text.get("term.code"), text.get("pdf.glossary.codes"));
		return glossary.toString();
	}

	private static void term(StringBuilder glossary, String term, String explanation) {
		if (!glossary.isEmpty()) {
			glossary.append('\n');
		}
		glossary.append("<style isBold=\"true\">")
			.append(JRStringUtil.xmlEncode(term))
			.append("</style>  ")
			.append(JRStringUtil.xmlEncode(explanation));
	}

	private static JRMapCollectionDataSource source(Collection<Map<String, Object>> rows) {
		return new JRMapCollectionDataSource(new ArrayList<>(rows));
	}

}
