package io.pushloss.report.pdf;

import java.util.Arrays;
import java.util.List;

/**
 * The JRXML files of the PDF report and the main report parameter each subreport is passed in.
 */
enum ReportTemplate {

	WEEKLY_REPORT("weekly-report", null),

	HEADLINE_SOURCES("headline-sources", "HEADLINE_REPORT"),

	HEADLINE_TOTALS("headline-totals", "TOTALS_REPORT"),

	ATTENTION("attention", "ATTENTION_REPORT"),

	VENDOR_CHARTS("vendor-charts", "VENDOR_CHARTS_REPORT"),

	VENDOR_TABLE("vendor-table", "VENDORS_REPORT"),

	CODE_TABLE("code-table", "CODES_REPORT"),

	CODE_LIST("code-list", "CODE_LIST_REPORT"),

	TASK_TABLE("task-table", "TASKS_REPORT"),

	TREND_VENDORS("trend-vendors", "TREND_REPORT");

	private final String baseName;

	private final String parameter;

	ReportTemplate(String baseName, String parameter) {
		this.baseName = baseName;
		this.parameter = parameter;
	}

	/** The file name, for example {@code weekly-report.jrxml}. */
	String fileName() {
		return this.baseName + ".jrxml";
	}

	/** The main report's parameter that receives this compiled subreport ({@code null} for the main report). */
	String parameter() {
		return this.parameter;
	}

	static List<ReportTemplate> subreports() {
		return Arrays.stream(values()).filter((template) -> template.parameter != null).toList();
	}

}
