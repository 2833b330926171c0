package io.pushloss.report.pdf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pushloss.analysis.CodeLoss;
import io.pushloss.analysis.ReportText;
import io.pushloss.analysis.TaskLoss;
import io.pushloss.analysis.WeeklyReport;

/**
 * The texts of a report that come from outside the program's bundles (the job file, the vendor API, the
 * remediation catalogue), each with the name of its field, and which of them the PDF's fonts cannot draw in full.
 */
final class ReportTextFields {

	private ReportTextFields() {
	}

	static List<UnrenderableText> unrenderable(WeeklyReport report, ReportText text, GlyphCoverage glyphs) {
		return fields(report, text).entrySet()
			.stream()
			.map((field) -> new UnrenderableText(field.getValue(), field.getKey(), glyphs.missing(field.getKey())))
			.filter((found) -> !found.codePoints().isEmpty())
			.toList();
	}

	/** Text to field name, each text once (the first field that shows it names it). */
	static Map<String, String> fields(WeeklyReport report, ReportText text) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.putIfAbsent(report.header().displayName(), "display name");
		for (TaskLoss task : report.tasks()) {
			fields.putIfAbsent(task.taskId(), "task name");
		}
		for (CodeLoss code : report.codes()) {
			String which = code.vendor().displayName() + " " + code.errCode();
			put(fields, code.errInfo(), "ErrInfo of " + which);
			put(fields, text.meaning(code.remediation()), "meaning of " + which);
			put(fields, text.action(code.remediation()), "action of " + which);
		}
		return fields;
	}

	private static void put(Map<String, String> fields, String text, String field) {
		if (text != null && !text.isBlank()) {
			fields.putIfAbsent(text, field);
		}
	}

}
