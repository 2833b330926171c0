package io.pushloss.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;

import io.pushloss.domain.IsoWeek;
import io.pushloss.ingest.TestJobs;
import io.pushloss.job.InterruptedRuns;
import io.pushloss.job.RunOptions;
import io.pushloss.job.RunOutcome;
import io.pushloss.job.WeekLocks.LockWait;
import io.pushloss.job.WeeklyReportRunner;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.jobdef.JobDefinitionRegistry;
import io.pushloss.store.StoreDatabase;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Which week a firing runs, and how long it waits for the week's lock: a cron firing runs the last complete week of
 * now; a recovering firing (its node died) runs the week of its original firing, even when a week has ended since,
 * and waits for the dead node's lock to expire.
 */
class ScheduledReportJobTests {

	/** Sunday 23:59:50 UTC, the last seconds of 2026-W48: the last complete week is 2026-W47. */
	private static final Instant ORIGINAL = Instant.parse("2026-11-29T23:59:50Z");

	/** 50 s later, in 2026-W49: the last complete week is 2026-W48. */
	private static final Instant NOW = Instant.parse("2026-11-30T00:00:40Z");

	private final JobDefinition job = TestJobs.job("recovery", 1401, "UTC", Period.ofDays(7), 1, true, List.of());

	private final WeeklyReportRunner runner = mock(WeeklyReportRunner.class);

	@Test
	void aRecoveringFiringRunsTheWeekOfItsOriginalFiringAndWaitsForTheDeadNodesLock() throws Exception {
		JobExecutionContext context = context(true);

		scheduledJob(StoreDatabase.Kind.POSTGRESQL).execute(context);

		verify(this.runner).run(eq(this.job), eq(IsoWeek.parse("2026-W47")), eq(RunOptions.DEFAULT),
				eq(LockWait.TAKEOVER));
	}

	@Test
	void aCronFiringOnOneMachineRunsTheLastCompleteWeekWithoutWaiting() throws Exception {
		JobExecutionContext context = context(false);

		scheduledJob(StoreDatabase.Kind.H2).execute(context);

		verify(this.runner).run(eq(this.job), eq(IsoWeek.parse("2026-W48")), eq(RunOptions.DEFAULT),
				eq(LockWait.NONE));
	}

	@Test
	void aCronFiringOnAClusterWaitsForALockLeftByADeadNode() throws Exception {
		JobExecutionContext context = context(false);

		scheduledJob(StoreDatabase.Kind.POSTGRESQL).execute(context);

		verify(this.runner).run(eq(this.job), eq(IsoWeek.parse("2026-W48")), eq(RunOptions.DEFAULT),
				eq(LockWait.TAKEOVER));
	}

	private ScheduledReportJob scheduledJob(StoreDatabase.Kind kind) {
		JobDefinitionRegistry definitions = new JobDefinitionRegistry();
		definitions.register(this.job);
		when(this.runner.run(any(), any(), any(), any()))
			.thenReturn(RunOutcome.alreadyComplete(IsoWeek.parse("2026-W47"), 1L, "done"));
		return new ScheduledReportJob(definitions, this.runner, mock(InterruptedRuns.class),
				Clock.fixed(NOW, ZoneOffset.UTC), new StoreDatabase(kind, "test"), mock(ReportRequests.class));
	}

	private JobExecutionContext context(boolean recovering) throws Exception {
		JobDataMap data = new JobDataMap();
		data.put(ScheduledReportJob.JOB_NAME, this.job.name());
		if (recovering) {
			data.put(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_FIRETIME_IN_MILLISECONDS,
					Long.toString(ORIGINAL.toEpochMilli()));
		}
		Scheduler scheduler = mock(Scheduler.class);
		when(scheduler.getSchedulerInstanceId()).thenReturn("node-b1764000000000");
		JobExecutionContext context = mock(JobExecutionContext.class);
		when(context.getMergedJobDataMap()).thenReturn(data);
		when(context.isRecovering()).thenReturn(recovering);
		when(context.getScheduler()).thenReturn(scheduler);
		when(context.getFireTime()).thenReturn(Date.from(NOW));
		when(context.getScheduledFireTime()).thenReturn(Date.from(NOW));
		return context;
	}

}
