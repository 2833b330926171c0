package io.pushloss.report.pdf;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Collectors;

import io.pushloss.analysis.Completeness.WeekCompleteness;
import io.pushloss.analysis.ReportHeader;
import io.pushloss.analysis.WeeklyReport;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * The main template's parameters for one report: scalars for the header and headline, one data source per table
 * and chart. The names are the contract with {@code weekly-report.jrxml} (listed in doc/pdf.md).
 */
final class ReportParameters {

	/** Numbers are formatted by the templates' patterns in this locale ("12,345"). */
	static final Locale LOCALE = Locale.ENGLISH;

	private ReportParameters() {
	}

	static Map<String, Object> of(WeeklyReport report) {
		ReportHeader header = report.header();
		ZoneId zone = header.zone();
		Map<String, Object> parameters = new HashMap<>();
		parameters.put(JRParameter.REPORT_LOCALE, LOCALE);
		parameters.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(zone));
		parameters.put("JOB_NAME", header.jobName());
		parameters.put("WEEK", header.week().toString());
		parameters.put("PREVIOUS_WEEK", header.previousWeek().toString());
		parameters.put("FIRST_DAY", (header.firstDay() != null) ? header.firstDay() : header.week().monday());
		parameters.put("LAST_DAY", (header.lastDay() != null) ? header.lastDay() : header.week().sunday());
		parameters.put("ZONE", zone.getId());
		parameters.put("SDK_APP_ID", header.sdkAppId());
		parameters.put("GENERATED_AT", header.generatedAt().atZone(zone));
		parameters.put("BASELINE_WEEK_COUNT", header.baselineWeeks().size());

		List<WeekCompleteness> incomplete = report.completeness()
			.weeks()
			.stream()
			.filter((week) -> !week.missing().isEmpty())
			.toList();
		parameters.put("PARTIAL", report.partial());
		parameters.put("MISSING_RANGE_COUNT", incomplete.stream().mapToInt((week) -> week.missing().size()).sum());
		parameters.put("MISSING_SUMMARY", incomplete.stream()
			.map((week) -> week.week() + ": " + (week.plannedWindows() - week.storedWindows()) + " of "
					+ week.plannedWindows())
			.collect(Collectors.joining("; ")));
		parameters.put("EMPTY", report.empty());

		List<Map<String, Object>> movers = ReportRows.movers(report);
		List<Map<String, Object>> anomalies = ReportRows.anomalies(report);
		List<Map<String, Object>> tasks = ReportRows.tasks(report, LOCALE);
		parameters.put("MOVER_COUNT", movers.size());
		parameters.put("ANOMALY_COUNT", anomalies.size());
		parameters.put("TASK_COUNT", tasks.size());
		parameters.put("HEADLINE_DATA", source(ReportRows.headline(report)));
		parameters.put("TOTALS_DATA", source(ReportRows.totals(report)));
		parameters.put("VENDOR_CHART_DATA", source(ReportRows.vendorChart(report)));
		parameters.put("MOVERS_DATA", source(movers));
		parameters.put("ANOMALIES_DATA", source(anomalies));
		parameters.put("VENDORS_DATA", source(ReportRows.vendors(report)));
		parameters.put("CODES_DATA", source(ReportRows.codes(report)));
		parameters.put("TASKS_DATA", source(tasks));
		parameters.put("TREND_DATA", source(ReportRows.trend(report)));
		return parameters;
	}

	private static JRMapCollectionDataSource source(Collection<Map<String, Object>> rows) {
		return new JRMapCollectionDataSource(new ArrayList<>(rows));
	}

}
