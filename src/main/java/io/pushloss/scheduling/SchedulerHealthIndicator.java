package io.pushloss.scheduling;

import java.util.LinkedHashMap;
import java.util.Map;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import io.pushloss.jobdef.JobDefinition;

/**
 * Health component {@code scheduler}: UP while Quartz is started and not in standby, with the next firing of each
 * served job; DOWN otherwise (not started yet, shutting down).
 */
class SchedulerHealthIndicator extends AbstractHealthIndicator {

	private final Scheduler scheduler;

	private final ReportScheduler reportScheduler;

	SchedulerHealthIndicator(Scheduler scheduler, ReportScheduler reportScheduler) {
		super("Scheduler health check failed");
		this.scheduler = scheduler;
		this.reportScheduler = reportScheduler;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws SchedulerException {
		String state = this.scheduler.isShutdown() ? "shut down"
				: !this.scheduler.isStarted() ? "not started"
						: this.scheduler.isInStandbyMode() ? "standby" : "started";
		builder.status("started".equals(state) ? Status.UP : Status.DOWN);
		builder.withDetail("state", state);
		if (this.scheduler.isShutdown()) {
			return;
		}
		Map<String, Object> nextRuns = new LinkedHashMap<>();
		for (JobDefinition job : this.reportScheduler.served()) {
			Trigger trigger = this.scheduler
				.getTrigger(TriggerKey.triggerKey(job.name(), ReportScheduleRegistrar.GROUP));
			nextRuns.put(job.name(), (trigger != null && trigger.getNextFireTime() != null)
					? trigger.getNextFireTime().toInstant().toString() : "none");
		}
		builder.withDetail("nextRuns", nextRuns);
	}

}
