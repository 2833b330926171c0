package io.pushloss.ingest;

import java.util.List;

import org.springframework.stereotype.Component;

import io.pushloss.domain.IsoWeek;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.store.LossStore;
import io.pushloss.store.PlannedWindow;

/**
 * The planned windows a report sums, resolved against the store: a week stored at another granularity than the
 * plan's (a baseline week stored daily when it was a report week, or a report week stored weekly as an earlier
 * baseline) is summed as stored, and stays complete (see {@link WindowPlanner#resolve}).
 */
@Component
public class ReportPlans {

	private final LossStore store;

	ReportPlans(LossStore store) {
		this.store = store;
	}

	/** The planned windows of a report week and its baseline weeks, as the store holds them. */
	public List<PlannedWindow> plannedWindows(JobDefinition job, IsoWeek reportWeek) {
		List<PlannedWindow> plan = WindowPlanner.plannedWindows(job, reportWeek);
		long from = plan.stream().mapToLong(PlannedWindow::start).min().orElseThrow();
		long to = plan.stream().mapToLong(PlannedWindow::end).max().orElseThrow();
		return WindowPlanner.resolve(plan, this.store.storedWindows(job.api().sdkAppId(), from, to));
	}

	/** Those of the report week alone (the Raw sheet's). */
	public List<PlannedWindow> plannedWindowsOfWeek(JobDefinition job, IsoWeek reportWeek) {
		return plannedWindows(job, reportWeek).stream().filter((window) -> window.week().equals(reportWeek)).toList();
	}

}
