package io.pushloss.job;

import java.util.Optional;

import io.pushloss.ingest.FetchLossWindowsStepConfiguration;

/** The steps of a run, in run order, with the words the command line shows for each. */
public enum RunStep {

	/** Fetch the windows the store lacks. */
	FETCH(FetchLossWindowsStepConfiguration.STEP_NAME, "fetch"),

	/** The week-over-week model and summary.json. */
	ANALYSIS(ReportStepsConfiguration.AGGREGATE_STEP, "analysis"),

	/** The Excel workbook. */
	EXCEL(ReportStepsConfiguration.EXCEL_STEP, "Excel"),

	/** The PDF. */
	PDF(ReportStepsConfiguration.PDF_STEP, "PDF"),

	/** Archive, then email. */
	DELIVERY(ReportStepsConfiguration.DELIVER_STEP, "archive and email");

	private final String stepName;

	private final String label;

	RunStep(String stepName, String label) {
		this.stepName = stepName;
		this.label = label;
	}

	/** The Spring Batch step name. */
	public String stepName() {
		return this.stepName;
	}

	/** What the command line calls it. */
	public String label() {
		return this.label;
	}

	/** The run step of a Spring Batch step name, empty for a step that is not one of these. */
	public static Optional<RunStep> of(String stepName) {
		for (RunStep step : values()) {
			if (step.stepName.equals(stepName)) {
				return Optional.of(step);
			}
		}
		return Optional.empty();
	}

}
