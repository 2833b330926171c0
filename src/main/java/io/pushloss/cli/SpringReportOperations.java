package io.pushloss.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;

import io.pushloss.api.ApiProperties;
import io.pushloss.domain.DataDirectoryLock;
import io.pushloss.domain.DataDirectoryProperties;
import io.pushloss.delivery.mail.MailModePolicy;
import io.pushloss.domain.IsoWeek;
import io.pushloss.job.GracefulStop;
import io.pushloss.job.RunOptions;
import io.pushloss.job.RunOutcome;
import io.pushloss.job.RunSummary;
import io.pushloss.job.WeeklyReportExecutions;
import io.pushloss.job.WeeklyReportParameters;
import io.pushloss.job.WeeklyReportRunner;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.runs.RunHistory;
import io.pushloss.store.DatabaseCopy;
import io.pushloss.store.DirectDatabase;

/**
 * The commands backed by the Spring application: each starts the application for the data directory, does its
 * work in the foreground and closes it. Results go to standard output; the application's log goes to standard
 * error (one line per event, stack traces only in the log file).
 */
final class SpringReportOperations implements ReportOperations {

	/** How many executions {@code runs} lists. */
	/** Runs listed by {@code runs} unless {@code --limit} says otherwise. */
	static final int RUNS_LIMIT = 50;

	/** Logging of the foreground commands: console on standard error, stack traces only in the log file. */
	static final String CLI_LOGGING = "classpath:io/pushloss/cli/logback-cli.xml";

	/** How long a command that runs jobs waits for read-only commands that have the database open. */
	static final Duration READER_PATIENCE = Duration.ofSeconds(30);

	/** How long a read-only command waits for a command that runs jobs to open the database. */
	static final Duration OPENING_PATIENCE = Duration.ofMinutes(2);

	private final Clock clock;

	private final UnaryOperator<String> environment;

	private final boolean terminal;

	private final Map<String, Object> extraProperties;

	/** The application's settings as it will see them (configuration files read on first use). */
	private final UnaryOperator<String> settings;

	SpringReportOperations(Clock clock, UnaryOperator<String> environment, boolean terminal) {
		this(clock, environment, terminal, Map.of());
	}

	/**
	 * @param clock what "now" is for the application (fixed for reproducible runs)
	 * @param environment looks up environment variables (the job's secret key)
	 * @param terminal whether standard error is a terminal (backfill then draws a progress bar)
	 * @param extraProperties further application properties, winning over application.yml (for tests)
	 */
	SpringReportOperations(Clock clock, UnaryOperator<String> environment, boolean terminal,
			Map<String, Object> extraProperties) {
		this.clock = clock;
		this.environment = environment;
		this.terminal = terminal;
		this.extraProperties = Map.copyOf(extraProperties);
		this.settings = EnvironmentVariables.properties(this.extraProperties, environment);
	}

	@Override
	public int run(RunRequest request, CommandOutput output) {
		if (!hasSecretKey(request.job(), output) || (request.email() && refusesMail(request.job(), output))
				|| refusesArchive(request.job(), request.dataDir(), output)) {
			return INVALID_INPUT;
		}
		// The progress (a bar on a terminal, else a line per step) says what happens; the full log is in the log
		// file. On a terminal even warnings (a retried call) stay there: they would break the bar drawn in place.
		try (DataDirectoryLock lock = ownerLock(request.dataDir(), "run " + request.job().name() + " " + request.week());
				ConfigurableApplicationContext context = start(request.dataDir(), consoleThreshold(), lock)) {
			if (request.email()) {
				printMailMode(context, output);
			}
			RunProgress progress = progress(context, request.job(), List.of(request.week()), false, output);
			RunOutcome outcome;
			try (TerminationSignals signals = stopOnSignal(context, output)) {
				outcome = context.getBean(WeeklyReportRunner.class)
					.run(request.job(), request.week(), new RunOptions(false, request.email(), request.resend()));
			}
			finally {
				progress.endWeek();
			}
			RunResultPrinter.print(request.job(), outcome, context, output.out(), null);
			return exitCode(outcome);
		}
		catch (RuntimeException ex) {
			return failed(output, ex);
		}
	}

	@Override
	public int backfill(BackfillRequest request, CommandOutput output) {
		if (!hasSecretKey(request.job(), output) || (request.email() && refusesMail(request.job(), output))
				|| refusesArchive(request.job(), request.dataDir(), output)) {
			return INVALID_INPUT;
		}
		List<IsoWeek> weeks = Backfill.weeks(request.from(), request.to());
		try (DataDirectoryLock lock = ownerLock(request.dataDir(),
				"backfill " + request.job().name() + " " + request.from() + ".." + request.to());
				ConfigurableApplicationContext context = start(request.dataDir(), this.terminal ? "ERROR" : "WARN",
						lock)) {
			if (request.email()) {
				printMailMode(context, output);
			}
			RunProgress progress = progress(context, request.job(), weeks, true, output);
			try (TerminationSignals signals = stopOnSignal(context, output)) {
				return new Backfill(context.getBean(WeeklyReportRunner.class), context, progress)
					.run(request.job(), weeks, new RunOptions(request.force(), request.email(), false), output);
			}
		}
		catch (RuntimeException ex) {
			return failed(output, ex);
		}
	}

	/** The console's threshold for a single run: everything from INFO, or on a terminal only errors. */
	private String consoleThreshold() {
		return this.terminal ? "ERROR" : "INFO";
	}

	/** The progress display of a run or backfill, registered so that the fetch and the steps report to it. */
	private RunProgress progress(ConfigurableApplicationContext context, JobDefinition job, List<IsoWeek> weeks,
			boolean backfill, CommandOutput output) {
		double rate = context.getBean(ApiProperties.class).callsPerSecond();
		RunProgress progress = new RunProgress(job, weeks, backfill, this.terminal, output.err(), rate,
				System::nanoTime);
		context.getBeanFactory().registerSingleton("runProgress", progress);
		return progress;
	}

	@Override
	public int serve(ServeRequest request, CommandOutput output) {
		for (JobDefinition job : request.jobs()) {
			if (!hasSecretKey(job, output) || refusesMail(job, output)
					|| refusesArchive(job, request.dataDir(), output)) {
				return INVALID_INPUT;
			}
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("logging.config", CLI_LOGGING);
		properties.put("logging.threshold.console", "INFO");
		properties.putAll(this.extraProperties);
		return new ServeMode(this.clock, this.environment).serve(request, output, properties);
	}

	@Override
	public int restart(RestartRequest request, CommandOutput output) {
		if (!hasSecretKey(request.job(), output) || refusesArchive(request.job(), request.dataDir(), output)) {
			return INVALID_INPUT;
		}
		if (!hasDatabase(request.dataDir())) {
			output.err().println("No run of " + request.week() + " for job '" + request.job().name() + "' in "
					+ request.dataDir() + " to restart; use run");
			return INVALID_INPUT;
		}
		try (DataDirectoryLock lock = ownerLock(request.dataDir(),
				"restart " + request.job().name() + " " + request.week());
				ConfigurableApplicationContext context = start(request.dataDir(), consoleThreshold(), lock)) {
			if (restartEmails(context, request)) {
				// a restart keeps the email option of the run it continues: refused as that run would be
				if (refusesMail(request.job(), output)) {
					return INVALID_INPUT;
				}
				printMailMode(context, output);
			}
			RunProgress progress = progress(context, request.job(), List.of(request.week()), false, output);
			RunOutcome outcome;
			try (TerminationSignals signals = stopOnSignal(context, output)) {
				outcome = context.getBean(WeeklyReportRunner.class).restart(request.job(), request.week());
			}
			finally {
				progress.endWeek();
			}
			if (outcome.status() == RunOutcome.Status.NOTHING_TO_RESTART
					|| outcome.status() == RunOutcome.Status.ALREADY_COMPLETE) {
				output.err().println("Nothing to restart: " + outcome.message());
				return INVALID_INPUT;
			}
			RunResultPrinter.print(request.job(), outcome, context, output.out(), null);
			return exitCode(outcome);
		}
		catch (RuntimeException ex) {
			return failed(output, ex);
		}
	}

	/**
	 * Whether the restart would email: the week's last run is one a restart continues (not completed) and was
	 * started with email, which a restart keeps.
	 */
	private static boolean restartEmails(ConfigurableApplicationContext context, RestartRequest request) {
		return context.getBean(WeeklyReportExecutions.class)
			.last(request.job().name(), request.week(), request.job().zone())
			.filter((last) -> last.getStatus() != BatchStatus.COMPLETED && last.getStatus() != BatchStatus.ABANDONED)
			.map((last) -> WeeklyReportParameters.from(last.getJobParameters()).email())
			.orElse(false);
	}

	/**
	 * Reads the run history straight from the database: no application context, no migrations, no scheduler and no
	 * batch infrastructure beyond Spring Batch's repository reading its tables. A database whose tables are older
	 * than this program's is still read (the job repository's tables have not changed), with a note on standard
	 * error that the next run migrates it.
	 */
	@Override
	public int runs(RunsRequest request, CommandOutput output) {
		if (!hasDatabase(request.dataDir())) {
			if (!Files.exists(request.dataDir())) {
				// a mistyped --data-dir should not pass for a new installation; standard output stays for scripts
				output.err().println("Note: the data directory " + request.dataDir().toAbsolutePath().normalize()
						+ " does not exist (--data-dir, default ./data)");
			}
			RunsPrinter.print(List.of(), request.jobName(), request.json(), output.out());
			return SUCCESS;
		}
		// A reader lock: a command that runs jobs waits for it rather than use this process's database server
		try (DataDirectoryLock lock = embedded() ? DataDirectoryLock.reader(request.dataDir(), OPENING_PATIENCE) : null;
				DirectDatabase database = DirectDatabase.open(request.dataDir(), this::property)) {
			DirectDatabase.Schema schema = database.schema();
			if (schema.installed().isEmpty()) {
				output.err().println("push-loss-report: failed: " + database.url() + " has no tables of this program"
						+ " (no Flyway history); a run, backfill or serve creates them");
				return FAILED;
			}
			if (schema.older()) {
				output.err().println("Note: the database's tables are at migration V" + schema.installed().getAsInt()
						+ ", this program's are at V" + schema.latest()
						+ "; the next run, backfill or serve migrates them");
			}
			else if (schema.newer()) {
				output.err().println("Note: the database's tables are at migration V" + schema.installed().getAsInt()
						+ ", newer than this program's V" + schema.latest() + "; a newer push-loss-report wrote them");
			}
			List<RunSummary> runs = RunHistory.direct(database.dataSource()).recent(request.jobName(), request.limit());
			RunsPrinter.print(runs, request.jobName(), request.json(), output.out());
			return SUCCESS;
		}
		catch (RuntimeException ex) {
			return failed(output, ex);
		}
	}

	@Override
	public int copyToPostgres(CopyRequest request, CommandOutput output) {
		if (configuredDatabaseUrl() == null) {
			output.err().println("copy-to-postgres: spring.datasource.url (SPRING_DATASOURCE_URL, with "
					+ "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD) must name the PostgreSQL database "
					+ "to copy into");
			return INVALID_INPUT;
		}
		if (!ReportContexts.hasDatabase(request.dataDir())) {
			output.err().println("copy-to-postgres: " + request.dataDir().resolve("db").resolve("pushloss.mv.db")
					+ " does not exist: --data-dir must name the data directory of an H2 installation");
			return INVALID_INPUT;
		}
		// the H2 data directory is held as a job would hold it: nothing writes to it while it is copied
		try (DataDirectoryLock lock = DataDirectoryLock.owner(request.dataDir(), "copy-to-postgres",
				this.clock.instant(), READER_PATIENCE);
				ConfigurableApplicationContext context = ReportContexts.start(request.dataDir(), this.clock,
						this.environment, withLogging("WARN"), false)) {
			DatabaseCopy copy = context.getBean(DatabaseCopy.class);
			List<DatabaseCopy.TableCount> counts = copy.copyFromEmbedded(
					new DataDirectoryProperties(request.dataDir().toAbsolutePath().normalize()), request.replace());
			PrintWriter out = output.out();
			out.println("Copied " + relative(request.dataDir().resolve("db").resolve("pushloss.mv.db").toString())
					+ " into " + copy.target().url() + (request.replace() ? " (replacing what it held)" : ""));
			out.printf("  %-30s %12s %12s%n", "table", "H2", "PostgreSQL");
			for (DatabaseCopy.TableCount count : counts) {
				out.printf("  %-30s %,12d %,12d%n", count.table(), count.source(), count.target());
			}
			out.println("  verified: every table holds as many rows as in H2");
			return SUCCESS;
		}
		catch (DatabaseCopy.TargetNotEmptyException ex) {
			output.err().println("copy-to-postgres: " + ex.getMessage());
			return INVALID_INPUT;
		}
		catch (RuntimeException ex) {
			return failed(output, ex);
		}
	}

	/**
	 * The {@code users} commands: straight on the database as {@code runs} reads it, starting the application only to
	 * create or migrate the database.
	 */
	@Override
	public int users(UsersRequest request, CommandOutput output) {
		return new AccountCommands(this.clock, this::property, embedded(), (dataDir) -> start(dataDir, "WARN", null),
				READER_PATIENCE)
			.execute(request, output);
	}

	/**
	 * An application property as the application would see it, without starting it: a test's extra properties,
	 * a system property, the environment variable ({@code spring.datasource.url} is {@code SPRING_DATASOURCE_URL}),
	 * then the configuration files ({@link EnvironmentVariables#properties}).
	 */
	String property(String name) {
		return this.settings.apply(name);
	}

	/**
	 * Ctrl-C or SIGTERM during a foreground run: the job stops after its current window (STOPPED, continued by the
	 * next run, backfill or restart of the week), the command reports it and exits. Outside a run they exit at
	 * once, as usual.
	 */
	private static TerminationSignals stopOnSignal(ConfigurableApplicationContext context, CommandOutput output) {
		GracefulStop gracefulStop = context.getBean(GracefulStop.class);
		return TerminationSignals.install((signal) -> {
			if (!gracefulStop.busy()) {
				System.exit(128 + ("INT".equals(signal) ? 2 : 15));
			}
			output.err().println("SIG" + signal + ": stopping after the current window (again to quit at once)");
			output.err().flush();
			gracefulStop.stopAfterCurrentChunk();
		});
	}

	static int exitCode(RunOutcome outcome) {
		return switch (outcome.status()) {
			case COMPLETED, ALREADY_COMPLETE -> SUCCESS;
			case NOTHING_TO_RESTART -> INVALID_INPUT;
			default -> FAILED;
		};
	}

	/**
	 * Starts the application; with the owner lock of a job-running command, read-only commands may open the database
	 * once this process has it open (and hosts it).
	 */
	private ConfigurableApplicationContext start(Path dataDir, String consoleThreshold, DataDirectoryLock lock) {
		TlsWarmUp.start();
		ConfigurableApplicationContext context = ReportContexts.startForJobs(dataDir, this.clock, this.environment,
				this::property, withLogging(consoleThreshold));
		if (lock != null) {
			lock.opened();
		}
		return context;
	}

	/** The CLI's logging with a console threshold, and the extra properties. */
	private Map<String, Object> withLogging(String consoleThreshold) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("logging.config", CLI_LOGGING);
		properties.put("logging.threshold.console", consoleThreshold);
		properties.putAll(this.extraProperties);
		return properties;
	}

	/**
	 * The data directory's owner lock for a command that runs jobs on the embedded database (none on PostgreSQL,
	 * whose processes share it).
	 * @throws DataDirectoryLock.DataDirectoryBusyException naming the process that holds it
	 */
	private DataDirectoryLock ownerLock(Path dataDir, String command) {
		return embedded() ? DataDirectoryLock.owner(dataDir, command, this.clock.instant(), READER_PATIENCE) : null;
	}

	/** Whether the database is the embedded H2 file (no {@code spring.datasource.url}). */
	private boolean embedded() {
		return ReportContexts.embedded(this.settings);
	}

	/**
	 * Whether there is a database to read: a configured one ({@code spring.datasource.url}, e.g. PostgreSQL), or the
	 * embedded one in the data directory, which read-only commands never create.
	 */
	private boolean hasDatabase(Path dataDir) {
		return !embedded() || ReportContexts.hasDatabase(dataDir);
	}

	/** {@code spring.datasource.url} as the application would see it, {@code null} when unset. */
	private String configuredDatabaseUrl() {
		return property("spring.datasource.url");
	}

	/**
	 * A job's secret key must be in its environment variable before anything starts, except for simulator jobs
	 * (the simulator's public demo key is used then).
	 */
	private boolean hasSecretKey(JobDefinition job, CommandOutput output) {
		return JobReadiness.missingSecretKey(job, this.environment).map((problem) -> {
			output.err().println(problem);
			return false;
		}).orElse(true);
	}

	/**
	 * A job that emails, calls the vendor and would write its email to the outbox (no SMTP host) is refused unless
	 * the operator chose the outbox: its recipients would receive nothing.
	 */
	private boolean refusesMail(JobDefinition job, CommandOutput output) {
		return new MailModeCheck(this.settings).refusal(job).map((refusal) -> {
			output.err().println(refusal);
			return true;
		}).orElse(false);
	}

	/**
	 * A job whose archive folder cannot be written is refused before anything is fetched (its run would fail at the
	 * end, after every call), as {@code validate} reports it.
	 */
	private boolean refusesArchive(JobDefinition job, Path dataDir, CommandOutput output) {
		return JobReadiness.archive(job, dataDir, this.settings).map((problem) -> {
			output.err().println(problem);
			return true;
		}).orElse(false);
	}

	/** Says at the start where the run's email goes: the SMTP server, or the outbox folder (nothing sent). */
	private static void printMailMode(ConfigurableApplicationContext context, CommandOutput output) {
		output.err().println("mail: " + context.getBean(MailModePolicy.class).describe());
		output.err().flush();
	}

	private int failed(CommandOutput output, RuntimeException ex) {
		output.err().println("push-loss-report: failed: " + new FailureLine(this::property).describe(ex));
		return FAILED;
	}

	/** A path as the operator would type it: relative to the working directory when below it. */
	static Path relative(String path) {
		Path absolute = Path.of(path).toAbsolutePath().normalize();
		Path here = Path.of("").toAbsolutePath();
		return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
	}

}
