package io.pushloss.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;

import org.quartz.SchedulerException;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.pushloss.domain.DataDirectoryLock;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.delivery.mail.MailModePolicy;
import io.pushloss.scheduling.ReportScheduler;
import io.pushloss.scheduling.ReportScheduler.Resumption;
import io.pushloss.scheduling.ReportScheduler.Schedule;
import io.pushloss.scheduling.ReportScheduler.ScheduledJob;

/**
 * {@code serve}: the long-running scheduler process. Starts the application with its web servers (the console and
 * its JSON API on {@code server.port}, the actuator on the management port, both on loopback by default), schedules
 * the jobs, prints the schedule and blocks until SIGTERM or
 * Ctrl-C, which close the application: a running job stops after its chunk, then Quartz and the database shut
 * down, then the process exits with 0.
 */
final class ServeMode {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss");

	private final Clock clock;

	private final UnaryOperator<String> environment;

	ServeMode(Clock clock, UnaryOperator<String> environment) {
		this.clock = clock;
		this.environment = environment;
	}

	/**
	 * Serves until SIGTERM or Ctrl-C.
	 * @param properties further application properties (logging)
	 */
	int serve(ReportOperations.ServeRequest request, CommandOutput output, Map<String, Object> properties) {
		Served served;
		try {
			served = start(request, output, properties);
		}
		catch (RuntimeException ex) {
			output.err().println("push-loss-report: serve could not start: "
					+ new FailureLine(EnvironmentVariables.properties(properties, this.environment)).describe(ex));
			return ReportOperations.FAILED;
		}
		try (TerminationSignals signals = TerminationSignals.install((signal) -> {
			output.err().println("SIG" + signal + ": stopping (a running job stops after its current window; "
					+ "the same signal again exits at once)");
			output.err().flush();
			served.close();
		})) {
			served.awaitClose();
		}
		return ReportOperations.SUCCESS;
	}

	/**
	 * Starts serving and returns at once.
	 * @param properties further application properties (tests: ports, rates)
	 */
	Served start(ReportOperations.ServeRequest request, CommandOutput output, Map<String, Object> properties) {
		DataDirectoryLock lock = ReportContexts.embedded(EnvironmentVariables.properties(properties, this.environment))
				? DataDirectoryLock.owner(request.dataDir(), "serve " + String.join(" ",
						request.jobs().stream().map(JobDefinition::name).toList()), this.clock.instant(),
						SpringReportOperations.READER_PATIENCE)
				: null;
		ConfigurableApplicationContext context;
		try {
			context = ReportContexts.start(request.dataDir(), this.clock, this.environment, properties, true);
		}
		catch (RuntimeException ex) {
			if (lock != null) {
				lock.close();
			}
			throw ex;
		}
		if (lock != null) {
			lock.opened();
		}
		try {
			Served served = new Served(context, lock);
			Schedule schedule = context.getBean(ReportScheduler.class).start(request.jobs());
			print(schedule, context.getBean(MailModePolicy.class).describe(), consoleUrl(context),
					managementPort(context), output.out());
			return served;
		}
		catch (SchedulerException | RuntimeException ex) {
			context.close();
			if (lock != null) {
				lock.close();
			}
			throw (ex instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException("Quartz could not start: " + ex.getMessage(), ex);
		}
	}

	private static void print(Schedule schedule, String mail, String console, int port, PrintWriter out) {
		out.println("Serving " + schedule.jobs().size() + " job(s); stop with Ctrl-C or SIGTERM (a running job stops "
				+ "after its current window and continues on the next start).");
		for (ScheduledJob job : schedule.jobs()) {
			String next = (job.nextFireTime() != null)
					? WHEN.format(ZonedDateTime.ofInstant(job.nextFireTime(), job.zone())) + " " + job.zone().getId()
							+ " (" + job.nextFireTime() + ")"
					: "never";
			out.println("  " + job.job() + ": '" + job.cron() + "' in " + job.zone().getId() + ", next run " + next);
		}
		for (Resumption resumption : schedule.resumptions()) {
			out.println("  resuming " + resumption.run().week() + " of " + resumption.run().job() + " (execution "
					+ resumption.run().executionId() + ", " + resumption.run().status() + ") at "
					+ resumption.at());
		}
		out.println("Mail: " + mail);
		out.println("Console: " + console);
		out.println((port > 0) ? "Health: http://127.0.0.1:" + port + "/actuator/health, metrics: http://127.0.0.1:"
				+ port + "/actuator/prometheus" : "Management port off (pushloss.serve.management-port=-1)");
		out.flush();
	}

	/**
	 * The actuator's port (its own web server, beside the console's), or -1 when it serves no HTTP
	 * ({@code pushloss.serve.management-port=-1}).
	 */
	static int managementPort(ConfigurableApplicationContext context) {
		Integer port = context.getEnvironment().getProperty("local.management.port", Integer.class);
		if (port != null) {
			return port;
		}
		// the actuator on the console's own port (management port equal to server.port)
		Integer configured = context.getEnvironment().getProperty("management.server.port", Integer.class);
		return (configured != null && configured < 0) ? -1 : consolePort(context);
	}

	/** The console's port, or -1 when no web server listens. */
	static int consolePort(ConfigurableApplicationContext context) {
		if (context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			return web.getWebServer().getPort();
		}
		return -1;
	}

	/** The console's address as a browser on this host reaches it. */
	static String consoleUrl(ConfigurableApplicationContext context) {
		String address = context.getEnvironment().getProperty("server.address", "127.0.0.1");
		String host = (address.isBlank() || address.equals("0.0.0.0") || address.equals("::")) ? "127.0.0.1"
				: address.contains(":") ? "[" + address + "]" : address;
		boolean tls = context.getEnvironment().getProperty("server.ssl.enabled", Boolean.class, false)
				|| context.getEnvironment().getProperty("server.ssl.bundle") != null;
		return (tls ? "https://" : "http://") + host + ":" + consolePort(context) + "/";
	}

	/** A running {@code serve}: its application, until it closes. */
	static final class Served implements AutoCloseable {

		private final ConfigurableApplicationContext context;

		private final DataDirectoryLock lock;

		private final CountDownLatch closed = new CountDownLatch(1);

		/** @param lock the data directory's owner lock, released once the application closed; none on PostgreSQL */
		Served(ConfigurableApplicationContext context, DataDirectoryLock lock) {
			this.context = context;
			this.lock = lock;
		}

		ConfigurableApplicationContext context() {
			return this.context;
		}

		/**
		 * Blocks until {@link #close()} has closed the application: the running job stopped, Quartz shut down, the
		 * database closed. Only then may the JVM exit (H2 would otherwise close the database from its own shutdown
		 * hook while the job still writes).
		 */
		void awaitClose() {
			boolean interrupted = false;
			while (true) {
				try {
					this.closed.await();
					break;
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}

		/** Closes the application (what SIGTERM does), then releases {@link #awaitClose()}. */
		@Override
		public void close() {
			try {
				this.context.close();
			}
			finally {
				if (this.lock != null) {
					this.lock.close();
				}
				this.closed.countDown();
			}
		}

	}

}
