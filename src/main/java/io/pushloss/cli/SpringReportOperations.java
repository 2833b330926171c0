package io.pushloss.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.context.ConfigurableApplicationContext;

import io.pushloss.api.ApiProperties;
import io.pushloss.domain.DataDirectoryProperties;
import io.pushloss.domain.IsoWeek;
import io.pushloss.ingest.FetchProgressListener;
import io.pushloss.job.GracefulStop;
import io.pushloss.job.RunOptions;
import io.pushloss.job.RunOutcome;
import io.pushloss.job.RunSummary;
import io.pushloss.job.WeeklyReportRunner;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.runs.RunHistory;
import io.pushloss.store.DatabaseCopy;

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
	private static final String CLI_LOGGING = "classpath:io/pushloss/cli/logback-cli.xml";

	private final Clock clock;

	private final UnaryOperator<String> environment;

	private final boolean terminal;

	private final Map<String, Object> extraProperties;

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
	}

	@Override
	public int run(RunRequest request, CommandOutput output) {
		if (!hasSecretKey(request.job(), output)) {
			return INVALID_INPUT;
		}
		try (ConfigurableApplicationContext context = start(request.dataDir(), "INFO")) {
			RunOutcome outcome;
			try (TerminationSignals signals = stopOnSignal(context, output)) {
				outcome = context.getBean(WeeklyReportRunner.class)
					.run(request.job(), request.week(), new RunOptions(false, request.email(), request.resend()));
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
		if (!hasSecretKey(request.job(), output)) {
			return INVALID_INPUT;
		}
		List<IsoWeek> weeks = Backfill.weeks(request.from(), request.to());
		// The progress (bar or lines) and each week's result say what happens; the full log is in the log file.
		// On a terminal even warnings (a retried call) stay there: they would break the bar drawn in place.
		try (ConfigurableApplicationContext context = start(request.dataDir(), this.terminal ? "ERROR" : "WARN")) {
			double rate = context.getBean(ApiProperties.class).callsPerSecond();
			BackfillProgress progress = new BackfillProgress(request.job(), weeks, this.terminal, output.err(), rate);
			context.getBeanFactory().registerSingleton("backfillProgress", (FetchProgressListener) progress);
			try (TerminationSignals signals = stopOnSignal(context, output)) {
				return new Backfill(context.getBean(WeeklyReportRunner.class), context, progress)
					.run(request.job(), weeks, new RunOptions(request.force(), request.email(), false), output);
			}
		}
		catch (RuntimeException ex) {
			return failed(output, ex);
		}
	}

	@Override
	public int serve(ServeRequest request, CommandOutput output) {
		for (JobDefinition job : request.jobs()) {
			if (!hasSecretKey(job, output)) {
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
		if (!hasSecretKey(request.job(), output)) {
			return INVALID_INPUT;
		}
		if (!hasDatabase(request.dataDir())) {
			output.err().println("No run of " + request.week() + " for job '" + request.job().name() + "' in "
					+ request.dataDir() + " to restart; use run");
			return INVALID_INPUT;
		}
		try (ConfigurableApplicationContext context = start(request.dataDir(), "INFO")) {
			RunOutcome outcome;
			try (TerminationSignals signals = stopOnSignal(context, output)) {
				outcome = context.getBean(WeeklyReportRunner.class).restart(request.job(), request.week());
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

	@Override
	public int runs(RunsRequest request, CommandOutput output) {
		if (!hasDatabase(request.dataDir())) {
			RunsPrinter.print(List.of(), request.jobName(), request.json(), output.out());
			return SUCCESS;
		}
		try (ConfigurableApplicationContext context = start(request.dataDir(), "WARN")) {
			List<RunSummary> runs = context.getBean(RunHistory.class).recent(request.jobName(), request.limit());
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
		try (ConfigurableApplicationContext context = start(request.dataDir(), "WARN")) {
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

	private ConfigurableApplicationContext start(Path dataDir, String consoleThreshold) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("logging.config", CLI_LOGGING);
		properties.put("logging.threshold.console", consoleThreshold);
		properties.putAll(this.extraProperties);
		return ReportContexts.start(dataDir, this.clock, this.environment, properties, false);
	}

	/**
	 * Whether there is a database to read: a configured one ({@code spring.datasource.url}, e.g. PostgreSQL), or the
	 * embedded one in the data directory, which read-only commands never create.
	 */
	private boolean hasDatabase(Path dataDir) {
		return configuredDatabaseUrl() != null || ReportContexts.hasDatabase(dataDir);
	}

	/** {@code spring.datasource.url} from the environment, a system property or the test's properties. */
	private String configuredDatabaseUrl() {
		String url = this.environment.apply("SPRING_DATASOURCE_URL");
		if (url == null || url.isBlank()) {
			url = System.getProperty("spring.datasource.url");
		}
		if (url == null || url.isBlank()) {
			Object property = this.extraProperties.get("spring.datasource.url");
			url = (property != null) ? property.toString() : null;
		}
		return (url != null && !url.isBlank()) ? url : null;
	}

	/**
	 * A job's secret key must be in its environment variable before anything starts, except for simulator jobs
	 * (the simulator's public demo key is used then).
	 */
	private boolean hasSecretKey(JobDefinition job, CommandOutput output) {
		String value = this.environment.apply(job.api().secretKeyEnv());
		if (job.api().simulator() || (value != null && !value.isBlank())) {
			return true;
		}
		output.err().println(job.file() + ": api.secret-key-env: the environment variable "
				+ job.api().secretKeyEnv() + " is not set; it must hold the secret key of sdkappid "
				+ job.api().sdkAppId());
		return false;
	}

	private static int failed(CommandOutput output, RuntimeException ex) {
		output.err().println("push-loss-report: failed: " + rootMessage(ex));
		return FAILED;
	}

	/** The innermost message: start-up failures wrap the useful one in several layers. */
	static String rootMessage(Throwable failure) {
		Throwable cause = failure;
		String message = failure.getMessage();
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
			if (cause.getMessage() != null) {
				message = cause.getMessage();
			}
		}
		return (message != null) ? message : failure.getClass().getSimpleName();
	}

	/** A path as the operator would type it: relative to the working directory when below it. */
	static Path relative(String path) {
		Path absolute = Path.of(path).toAbsolutePath().normalize();
		Path here = Path.of("").toAbsolutePath();
		return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
	}

}
