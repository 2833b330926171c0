package io.pushloss.scheduling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;

import io.pushloss.jobdef.JobDefinition;

/**
 * Health component {@code scheduler}: UP while Quartz is started and not in standby, with this node's Quartz instance
 * id, the next firing of each served job and, on a shared database (clustered), the members of the cluster with
 * their last check-in (Quartz's {@code QRTZ_SCHEDULER_STATE}); DOWN otherwise (not started yet, shutting down).
 */
class SchedulerHealthIndicator extends AbstractHealthIndicator {

	private final Scheduler scheduler;

	private final ReportScheduler reportScheduler;

	private final JdbcTemplate jdbc;

	SchedulerHealthIndicator(Scheduler scheduler, ReportScheduler reportScheduler, JdbcTemplate jdbc) {
		super("Scheduler health check failed");
		this.scheduler = scheduler;
		this.reportScheduler = reportScheduler;
		this.jdbc = jdbc;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws SchedulerException {
		String state = this.scheduler.isShutdown() ? "shut down"
				: !this.scheduler.isStarted() ? "not started"
						: this.scheduler.isInStandbyMode() ? "standby" : "started";
		builder.status("started".equals(state) ? Status.UP : Status.DOWN);
		builder.withDetail("state", state);
		builder.withDetail("instanceId", this.scheduler.getSchedulerInstanceId());
		if (this.scheduler.isShutdown()) {
			return;
		}
		boolean clustered = this.scheduler.getMetaData().isJobStoreClustered();
		builder.withDetail("clustered", clustered);
		Map<String, Object> nextRuns = new LinkedHashMap<>();
		for (JobDefinition job : this.reportScheduler.served()) {
			Trigger trigger = this.scheduler
				.getTrigger(TriggerKey.triggerKey(job.name(), ReportScheduleRegistrar.GROUP));
			nextRuns.put(job.name(), (trigger != null && trigger.getNextFireTime() != null)
					? trigger.getNextFireTime().toInstant().toString() : "none");
		}
		builder.withDetail("nextRuns", nextRuns);
		if (clustered) {
			builder.withDetail("members", members());
		}
	}

	/** The nodes that checked in, this one included, oldest check-in first. */
	private List<Map<String, Object>> members() throws SchedulerException {
		String self = this.scheduler.getSchedulerInstanceId();
		List<Map<String, Object>> members = new ArrayList<>();
		this.jdbc.query("SELECT INSTANCE_NAME, LAST_CHECKIN_TIME, CHECKIN_INTERVAL FROM QRTZ_SCHEDULER_STATE "
				+ "WHERE SCHED_NAME = ? ORDER BY LAST_CHECKIN_TIME, INSTANCE_NAME", (row) -> {
					Map<String, Object> member = new LinkedHashMap<>();
					member.put("instanceId", row.getString(1));
					member.put("lastCheckin", Instant.ofEpochMilli(row.getLong(2)).toString());
					member.put("checkinIntervalMillis", row.getLong(3));
					member.put("self", self.equals(row.getString(1)));
					members.add(member);
				}, this.scheduler.getSchedulerName());
		return members;
	}

}
