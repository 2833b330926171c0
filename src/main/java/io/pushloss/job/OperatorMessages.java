package io.pushloss.job;

import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Replaces the stack traces Spring Batch writes into failed exit descriptions with the failure's operator-facing
 * message (for example the API error and what to fix), for the failed step and for the job.
 */
@Component
public class OperatorMessages implements JobExecutionListener {

	private static final int MAX_CAUSES = 20;

	private static final String OWN_PACKAGE = "io.pushloss.";

	private final JobRepository jobRepository;

	OperatorMessages(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		String jobMessage = null;
		for (StepExecution step : jobExecution.getStepExecutions()) {
			if (step.getStatus() == BatchStatus.FAILED && !step.getFailureExceptions().isEmpty()) {
				String message = of(step.getFailureExceptions());
				step.setExitStatus(new ExitStatus(step.getExitStatus().getExitCode(), message));
				this.jobRepository.update(step);
				jobMessage = message;
			}
		}
		if (jobMessage == null && !jobExecution.getFailureExceptions().isEmpty()) {
			jobMessage = of(jobExecution.getFailureExceptions());
		}
		if (jobMessage != null) {
			jobExecution.setExitStatus(new ExitStatus(jobExecution.getExitStatus().getExitCode(), jobMessage));
		}
	}

	/** The operator-facing message of the first failure, or {@code null} when there is none. */
	public static String of(List<Throwable> failures) {
		return failures.isEmpty() ? null : of(failures.get(0));
	}

	/**
	 * The operator-facing message of a failure: the message of the outermost exception of this program (an API
	 * failure, an undeliverable email, an archive that cannot be written: they say what failed and what to do),
	 * else the message of the innermost cause (framework wrappers such as "Unable to process chunk" say nothing
	 * useful).
	 */
	public static String of(Throwable failure) {
		Throwable innermost = failure;
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++) {
			if (isOwn(cause) && cause.getMessage() != null && !cause.getMessage().isBlank()) {
				return cause.getMessage();
			}
			innermost = cause;
			cause = cause.getCause();
		}
		String message = innermost.getMessage();
		return (message == null || message.isBlank()) ? innermost.getClass().getSimpleName() : message;
	}

	private static boolean isOwn(Throwable failure) {
		// the API's failures, like every other failure of this program, carry an operator-facing message
		return failure.getClass().getName().startsWith(OWN_PACKAGE);
	}

}
