package io.pushloss.console;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.quartz.SchedulerException;
import org.springframework.stereotype.Service;

import io.pushloss.accounts.AuditAction;
import io.pushloss.accounts.AuditTrail;
import io.pushloss.domain.IsoWeek;
import io.pushloss.job.RunSummary;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.runs.RunHistory;
import io.pushloss.scheduling.ReportRequest;
import io.pushloss.scheduling.ReportScheduler;
import io.pushloss.scheduling.ReportScheduler.ScheduleState;

/**
 * What the console does with jobs: lists them with their schedules and last runs, pauses and resumes schedules,
 * and queues run-now and backfill requests through the scheduler, each action recorded in the audit trail.
 */
@Service
class ConsoleJobs {

	/** The longest backfill one request may ask for. */
	static final int MAX_BACKFILL_WEEKS = 260;

	private final ReportScheduler scheduler;

	private final RunHistory history;

	private final AuditTrail audit;

	private final Clock clock;

	ConsoleJobs(ReportScheduler scheduler, RunHistory history, AuditTrail audit, Clock clock) {
		this.scheduler = scheduler;
		this.history = history;
		this.audit = audit;
		this.clock = clock;
	}

	/** Every served job, in the order {@code serve} was given them. */
	List<JobView> jobs() {
		List<JobView> jobs = new ArrayList<>();
		for (JobDefinition job : this.scheduler.served()) {
			jobs.add(view(job));
		}
		return jobs;
	}

	/** A served job. */
	JobView job(String name) {
		return view(definition(name));
	}

	/** @throws UnknownJobException when the job is not served */
	JobDefinition definition(String name) {
		return this.scheduler.served(name).orElseThrow(() -> new UnknownJobException(name));
	}

	JobView pause(String name, String user) {
		JobDefinition job = definition(name);
		try {
			this.scheduler.pause(job);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot pause " + name + ": " + ex.getMessage(), ex);
		}
		this.audit.record(user, AuditAction.PAUSE, job.name());
		return view(job);
	}

	JobView resume(String name, String user) {
		JobDefinition job = definition(name);
		try {
			this.scheduler.resume(job);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot resume " + name + ": " + ex.getMessage(), ex);
		}
		this.audit.record(user, AuditAction.RESUME, job.name());
		return view(job);
	}

	/**
	 * Queues the run of one week.
	 * @param week the week as given ({@code YYYY-Www}); it must have ended in the job's zone
	 */
	ReportRequest runNow(String name, String week, boolean email, boolean force, String user) {
		JobDefinition job = definition(name);
		IsoWeek parsed = endedWeek(job, "week", week);
		ReportRequest request = submit(job, ReportRequest.Kind.RUN, parsed, parsed, email, force, user);
		this.audit.record(user, AuditAction.RUN, job.name() + " " + parsed + (email ? "" : ", no email")
				+ (force ? ", force" : ""));
		return request;
	}

	/** Queues the runs of a range of weeks, oldest first. */
	ReportRequest backfill(String name, String from, String to, boolean email, boolean force, String user) {
		JobDefinition job = definition(name);
		IsoWeek first = week("from", from);
		IsoWeek last = endedWeek(job, "to", to);
		if (first.compareTo(last) > 0) {
			throw new BadInputException("from", "from (" + first + ") is after to (" + last + ")");
		}
		if (first.plusWeeks(MAX_BACKFILL_WEEKS - 1).compareTo(last) < 0) {
			throw new BadInputException("to", "a backfill covers at most " + MAX_BACKFILL_WEEKS + " weeks");
		}
		ReportRequest request = submit(job, ReportRequest.Kind.BACKFILL, first, last, email, force, user);
		this.audit.record(user, AuditAction.BACKFILL, job.name() + " " + first + ".." + last
				+ (email ? ", email" : ", no email") + (force ? ", force" : ", skip completed"));
		return request;
	}

	/** The last week that has ended in the job's zone: what run-now proposes. */
	IsoWeek lastComplete(JobDefinition job) {
		return IsoWeek.lastComplete(job.zone(), this.clock);
	}

	private ReportRequest submit(JobDefinition job, ReportRequest.Kind kind, IsoWeek from, IsoWeek to, boolean email,
			boolean force, String user) {
		try {
			return this.scheduler.submit(job, kind, from, to, email, force, user);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot queue the request: " + ex.getMessage(), ex);
		}
	}

	private IsoWeek endedWeek(JobDefinition job, String field, String text) {
		IsoWeek week = week(field, text);
		if (!week.isComplete(job.zone(), this.clock)) {
			throw new BadInputException(field, field + " " + week + " has not ended yet in " + job.zone().getId()
					+ "; the last complete week is " + lastComplete(job));
		}
		return week;
	}

	static IsoWeek week(String field, String text) {
		if (text == null || text.isBlank()) {
			throw new BadInputException(field, field + " is required (an ISO week, YYYY-Www, e.g. 2026-W46)");
		}
		try {
			return IsoWeek.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new BadInputException(field, field + ": " + ConsoleText.shorten(ex.getMessage()));
		}
	}

	private JobView view(JobDefinition job) {
		ScheduleState state;
		try {
			state = this.scheduler.state(job);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot read the schedule of " + job.name() + ": " + ex.getMessage(), ex);
		}
		RunSummary last = this.history.recent(job.name(), 1).stream().findFirst().orElse(null);
		return new JobView(job, state, last, lastComplete(job));
	}

	/**
	 * A job as the console shows it.
	 *
	 * @param definition the job file's definition
	 * @param schedule its schedule in the Quartz store
	 * @param lastRun its most recent run, or {@code null}
	 * @param lastCompleteWeek the last week that has ended in its zone
	 */
	record JobView(JobDefinition definition, ScheduleState schedule, RunSummary lastRun, IsoWeek lastCompleteWeek) {

		String name() {
			return this.definition.name();
		}

		String scheduleInWords() {
			return ConsoleText.cronInWords(this.definition.schedule()) + " (" + this.definition.zone().getId() + ")";
		}

		String nextRun() {
			return this.schedule.paused() ? "paused"
					: ConsoleText.when(this.schedule.nextFireTime(), this.definition.zone());
		}

	}

}
