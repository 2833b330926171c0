package io.pushloss.scheduling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import io.pushloss.job.RunStatus;
import io.pushloss.job.RunSummary;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.runs.RunHistory;

/**
 * Health component {@code lastRuns}: the last run of each served job (week, status, end time, and the reason when
 * it failed). DOWN while the last run of a served job is FAILED, so that a week that could not be reported turns
 * the health red until a later run of the job completes; UP otherwise (also while running, stopped or before the
 * first run).
 */
class LastRunsHealthIndicator extends AbstractHealthIndicator {

	private final ReportScheduler scheduler;

	private final RunHistory history;

	LastRunsHealthIndicator(ReportScheduler scheduler, RunHistory history) {
		super("Last runs health check failed");
		this.scheduler = scheduler;
		this.history = history;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean failed = false;
		for (JobDefinition job : this.scheduler.served()) {
			List<RunSummary> runs = this.history.recent(job.name(), 1);
			Map<String, Object> details = new LinkedHashMap<>();
			if (runs.isEmpty()) {
				details.put("status", "NONE");
			}
			else {
				RunSummary run = runs.get(0);
				details.put("week", run.week().toString());
				details.put("status", run.status().name());
				details.put("end", (run.end() != null) ? run.end().toString() : null);
				if (run.status() == RunStatus.FAILED) {
					failed = true;
					details.put("message", run.message());
				}
			}
			builder.withDetail(job.name(), details);
		}
		builder.status(failed ? Status.DOWN : Status.UP);
	}

}
