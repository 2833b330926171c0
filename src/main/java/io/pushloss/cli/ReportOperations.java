package io.pushloss.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import io.pushloss.domain.IsoWeek;
import io.pushloss.jobdef.JobDefinition;

/**
 * The commands that need the store, the job repository and delivery. The CLI has validated every input before it
 * calls one of these (the job file loaded, weeks exist and have ended, the data directory is usable) and has not
 * written anything yet. Each method returns the process exit code: {@link #SUCCESS}, {@link #FAILED} or
 * {@link #INVALID_INPUT}.
 */
public interface ReportOperations {

	/** The command did what was asked. */
	int SUCCESS = 0;

	/** The run failed (vendor unreachable, store error, mail refused, ...). */
	int FAILED = 1;

	/** The input was wrong; nothing was written. */
	int INVALID_INPUT = 2;

	/** Produces (or re-produces) the report of one week. */
	int run(RunRequest request, CommandOutput output);

	/** Produces the reports of a range of weeks, oldest first. */
	int backfill(BackfillRequest request, CommandOutput output);

	/** Schedules the jobs and runs until stopped. */
	int serve(ServeRequest request, CommandOutput output);

	/** Resumes a failed run of one week where it stopped. */
	int restart(RestartRequest request, CommandOutput output);

	/** Lists past runs. */
	int runs(RunsRequest request, CommandOutput output);

	/** Copies an H2 data directory's database into the configured PostgreSQL database. */
	int copyToPostgres(CopyRequest request, CommandOutput output);

	/** Adds, lists, re-passwords or removes the console's accounts ({@code users ...}). */
	int users(UsersRequest request, CommandOutput output);

	/**
	 * One {@code users} command, its input checked (name, role, password rules of the defaults).
	 *
	 * @param action what to do
	 * @param name the account ({@code null} for {@link UsersAction#LIST})
	 * @param role the role of {@link UsersAction#ADD}, else {@code null}
	 * @param password the password read from standard input for {@link UsersAction#ADD} and
	 * {@link UsersAction#PASSWD}, else {@code null}; never printed (not even by {@link #toString()})
	 * @param actor who runs the command, for the audit trail ({@code cli:} and the operating-system user)
	 * @param dataDir the data directory (may not exist yet)
	 */
	record UsersRequest(UsersAction action, String name, io.pushloss.accounts.Role role, String password, String actor,
			Path dataDir) {

		public UsersRequest {
			Objects.requireNonNull(action, "action");
			Objects.requireNonNull(actor, "actor");
			Objects.requireNonNull(dataDir, "dataDir");
		}

		@Override
		public String toString() {
			return "UsersRequest[action=" + this.action + ", name=" + this.name + ", role=" + this.role + ", password="
					+ ((this.password != null) ? "<not shown>" : "none") + ", actor=" + this.actor + ", dataDir="
					+ this.dataDir + "]";
		}

	}

	/** The {@code users} subcommands. */
	enum UsersAction {

		/** {@code users add}. */
		ADD,

		/** {@code users list}. */
		LIST,

		/** {@code users passwd}. */
		PASSWD,

		/** {@code users remove}. */
		REMOVE

	}

	/**
	 * @param dataDir the data directory whose H2 database is copied
	 * @param replace whether to replace what the target holds ({@code --replace})
	 */
	record CopyRequest(Path dataDir, boolean replace) {

		public CopyRequest {
			Objects.requireNonNull(dataDir, "dataDir");
		}

	}

	/**
	 * @param job the job
	 * @param week a complete week in the job's zone (the last complete one when {@code --week} was not given)
	 * @param email whether to email the report ({@code false} with {@code --no-email})
	 * @param resend whether to email even when the week was already sent ({@code --resend})
	 * @param dataDir the data directory (may not exist yet)
	 */
	record RunRequest(JobDefinition job, IsoWeek week, boolean email, boolean resend, Path dataDir) {

		public RunRequest {
			Objects.requireNonNull(job, "job");
			Objects.requireNonNull(week, "week");
			Objects.requireNonNull(dataDir, "dataDir");
		}

	}

	/**
	 * @param job the job
	 * @param from the first week, complete
	 * @param to the last week (inclusive), complete and not before {@code from}
	 * @param email whether to email each report (off unless {@code --email})
	 * @param force whether to redo weeks that already have a completed run
	 * @param dataDir the data directory (may not exist yet)
	 */
	record BackfillRequest(JobDefinition job, IsoWeek from, IsoWeek to, boolean email, boolean force, Path dataDir) {

		public BackfillRequest {
			Objects.requireNonNull(job, "job");
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(to, "to");
			if (from.compareTo(to) > 0) {
				throw new IllegalArgumentException("from " + from + " is after to " + to);
			}
			Objects.requireNonNull(dataDir, "dataDir");
		}

	}

	/**
	 * @param jobs the jobs to schedule, at least one, distinct names
	 * @param dataDir the data directory (may not exist yet)
	 */
	record ServeRequest(List<JobDefinition> jobs, Path dataDir) {

		public ServeRequest {
			jobs = List.copyOf(jobs);
			if (jobs.isEmpty()) {
				throw new IllegalArgumentException("no jobs to serve");
			}
			Objects.requireNonNull(dataDir, "dataDir");
		}

	}

	/**
	 * @param job the job
	 * @param week the week whose failed run to resume, complete
	 * @param dataDir the data directory (may not exist yet)
	 */
	record RestartRequest(JobDefinition job, IsoWeek week, Path dataDir) {

		public RestartRequest {
			Objects.requireNonNull(job, "job");
			Objects.requireNonNull(week, "week");
			Objects.requireNonNull(dataDir, "dataDir");
		}

	}

	/**
	 * @param jobName the job whose runs to list, or {@code null} for all jobs
	 * @param json whether to print JSON instead of a table
	 * @param dataDir the data directory (may not exist yet: then there are no runs)
	 */
	record RunsRequest(String jobName, boolean json, Path dataDir, int limit) {

		public RunsRequest {
			Objects.requireNonNull(dataDir, "dataDir");
			if (limit < 1) {
				throw new IllegalArgumentException("limit must be at least 1, got " + limit);
			}
		}

	}

}
