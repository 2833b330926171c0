package io.pushloss.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.pushloss.delivery.mail.MailTransport;
import io.pushloss.ingest.PushLossApiProvider;

/**
 * Knows the job executions running in this process and stops them gracefully when the application closes
 * (SIGTERM or Ctrl-C, in {@code serve} and in a foreground {@code run}): each is asked to stop through
 * {@link JobOperator#stop(JobExecution)}, Spring Batch lets the chunk in progress commit and ends the execution
 * STOPPED at the chunk boundary, and a later run, restart or start of {@code serve} continues it. The application
 * waits for them, up to {@code pushloss.shutdown.timeout}, before Quartz and the database shut down.
 * <p>
 * A launch that begins while the application is closing stops before its first step (STOPPED as well), so a
 * scheduled firing that raced the shutdown is not lost: the next start of {@code serve} resumes it.
 * <p>
 * A run that waits on I/O (an SMTP server that accepts and never answers, a vendor that stalls) does not reach its
 * chunk boundary: {@code pushloss.shutdown.abort-io-after} after the stop was asked for, the calls and sends in
 * progress are aborted (connections closed, no more retries), so the run ends FAILED within the shutdown timeout
 * and a restart continues it; an email aborted this way stays PENDING in the ledger.
 */
@Component
public class GracefulStop implements JobExecutionListener, SmartLifecycle {

	/** After Quartz went to standby (no new firings), before the web server (health stays up while draining). */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

	private static final Logger logger = LoggerFactory.getLogger(GracefulStop.class);

	private final ObjectProvider<JobOperator> jobOperator;

	private final JobRepository jobRepository;

	private final Duration timeout;

	private final Duration abortIoAfter;

	private final ObjectProvider<MailTransport> mailTransports;

	private final ObjectProvider<PushLossApiProvider> apiProviders;

	/** The live executions, by the thread that runs them (launches are synchronous). */
	private final Map<Thread, JobExecution> running = new ConcurrentHashMap<>();

	private int launches;

	private volatile boolean closing;

	private volatile boolean started;

	GracefulStop(ObjectProvider<JobOperator> jobOperator, JobRepository jobRepository, ShutdownProperties properties,
			ObjectProvider<MailTransport> mailTransports, ObjectProvider<PushLossApiProvider> apiProviders) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.timeout = properties.timeout();
		this.abortIoAfter = properties.abortIoAfter();
		this.mailTransports = mailTransports;
		this.apiProviders = apiProviders;
	}

	/** Called by the runner before it starts or restarts an execution in the calling thread. */
	void launching() {
		synchronized (this) {
			this.launches++;
		}
	}

	/** Called by the runner when the launch returned (the execution ended, or never started). */
	void launched() {
		this.running.remove(Thread.currentThread());
		synchronized (this) {
			this.launches--;
			notifyAll();
		}
	}

	@Override
	public void beforeJob(JobExecution execution) {
		this.running.put(Thread.currentThread(), execution);
		if (this.closing) {
			logger.info("Execution {} started while the application is closing: stopping it before its first step",
					execution.getId());
			// the job checks this before each step and ends STOPPED
			execution.setStatus(BatchStatus.STOPPING);
		}
	}

	/**
	 * Asks every execution running in this process to stop at its next chunk boundary; returns at once.
	 * @return the ids of the executions asked to stop
	 */
	public List<Long> requestStop() {
		List<Long> asked = new ArrayList<>();
		for (JobExecution live : this.running.values()) {
			// a fresh copy, as JobOperator expects: the running thread picks the status up at its next update
			JobExecution execution = this.jobRepository.getJobExecution(live.getId());
			if (execution == null || !(execution.getStatus() == BatchStatus.STARTED
					|| execution.getStatus() == BatchStatus.STARTING)) {
				continue;
			}
			try {
				this.jobOperator.getObject().stop(execution);
				asked.add(execution.getId());
				logger.info("Stopping execution {} ({} of {}) after its current chunk", execution.getId(),
						WeeklyReportParameters.from(execution.getJobParameters()).week(),
						WeeklyReportParameters.from(execution.getJobParameters()).job());
			}
			catch (JobExecutionNotRunningException ex) {
				// it ended meanwhile
			}
		}
		return asked;
	}

	/**
	 * Stops the executions running in this process after their current chunk, and every execution launched from
	 * now on before its first step; returns at once. For a foreground command interrupted by Ctrl-C.
	 */
	public void stopAfterCurrentChunk() {
		this.closing = true;
		requestStop();
		Thread watchdog = new Thread(() -> {
			try {
				if (!awaitIdle(this.abortIoAfter)) {
					abortIo();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "push-loss-abort-stalled-io");
		watchdog.setDaemon(true);
		watchdog.start();
	}

	/**
	 * Aborts the I/O the running executions wait on: the SMTP sends and vendor calls in progress end at once, and
	 * later ones are refused until the application starts again.
	 */
	public void abortIo() {
		logger.warn("The run did not stop within {} s of being asked to (pushloss.shutdown.abort-io-after): "
				+ "aborting the SMTP sends and vendor calls it waits on", this.abortIoAfter.toSeconds());
		this.mailTransports.forEach(MailTransport::abort);
		this.apiProviders.forEach(PushLossApiProvider::abortInFlight);
	}

	/** Whether an execution is running or being launched in this process. */
	public synchronized boolean busy() {
		return this.launches > 0;
	}

	/**
	 * Waits until no execution is running or being launched in this process.
	 * @return whether that happened within the timeout
	 */
	public boolean awaitIdle(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this) {
			while (this.launches > 0) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				TimeUnit.NANOSECONDS.timedWait(this, left);
			}
			return true;
		}
	}

	@Override
	public void start() {
		this.closing = false;
		this.started = true;
		this.mailTransports.forEach(MailTransport::resume);
		this.apiProviders.forEach(PushLossApiProvider::resume);
	}

	@Override
	public void stop() {
		this.closing = true;
		this.started = false;
		List<Long> asked = requestStop();
		synchronized (this) {
			if (asked.isEmpty() && this.launches == 0) {
				return;
			}
		}
		logger.info("Waiting up to {} s for {} to stop", this.timeout.toSeconds(),
				asked.isEmpty() ? "the run being launched" : "execution(s) " + asked);
		try {
			boolean idle = awaitIdle(this.abortIoAfter);
			if (!idle) {
				abortIo();
			}
			if (idle || awaitIdle(this.timeout.minus(this.abortIoAfter))) {
				logger.info("Stopped; the next start of serve (or run / restart of the week) continues where it left "
						+ "off");
			}
			else {
				logger.warn("The run did not stop within {} s (pushloss.shutdown.timeout); it stays marked running "
						+ "and `restart` continues it", this.timeout.toSeconds());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
