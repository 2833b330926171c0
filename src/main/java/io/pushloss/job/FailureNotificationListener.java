package io.pushloss.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.pushloss.delivery.mail.FailureNotifier;
import io.pushloss.jobdef.JobDefinitionRegistry;

/**
 * Tells the job's owners when a run fails: one short email with job, week, the failed step and the
 * operator-facing reason (never a stack trace, never a secret). Runs after {@link OperatorMessages} has replaced
 * stack traces by messages. Runs without email (backfills unless {@code --email}) notify nobody: their operator is
 * watching the terminal.
 */
@Component
@Order(2)
public class FailureNotificationListener implements JobExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(FailureNotificationListener.class);

	private final FailureNotifier notifier;

	private final JobDefinitionRegistry registry;

	FailureNotificationListener(FailureNotifier notifier, JobDefinitionRegistry registry) {
		this.notifier = notifier;
		this.registry = registry;
	}

	@Override
	public void afterJob(JobExecution execution) {
		WeeklyReportParameters parameters = WeeklyReportParameters.from(execution.getJobParameters());
		if (execution.getStatus() != BatchStatus.FAILED || !parameters.email()) {
			return;
		}
		String failedStep = execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStatus() == BatchStatus.FAILED)
			.map(StepExecution::getStepName)
			.findFirst()
			.orElse("(job)");
		String reason = OperatorMessages.of(execution.getAllFailureExceptions());
		if (reason == null) {
			reason = execution.getExitStatus().getExitDescription();
		}
		boolean sent = this.notifier.notify(this.registry.get(parameters.job()), parameters.week().toString(),
				failedStep, reason);
		if (!sent) {
			logger.warn("The owners of {} could not be told that {} failed", parameters.job(), parameters.week());
		}
	}

}
