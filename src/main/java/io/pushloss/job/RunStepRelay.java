package io.pushloss.job;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells every {@link RunStepListener} when a step of the weekly job starts and ends. The listeners are looked up at
 * each step, so that one registered after the application started (by {@code run} or {@code backfill}) hears the
 * steps too.
 */
@Component
class RunStepRelay implements StepExecutionListener {

	private final ObjectProvider<RunStepListener> listeners;

	RunStepRelay(ObjectProvider<RunStepListener> listeners) {
		this.listeners = listeners;
	}

	@Override
	public void beforeStep(StepExecution execution) {
		RunStep.of(execution.getStepName()).ifPresent((step) -> {
			WeeklyReportParameters parameters = WeeklyReportParameters.from(execution.getJobParameters());
			this.listeners.orderedStream()
				.forEach((listener) -> listener.stepStarted(parameters.job(), parameters.week(), step));
		});
	}

	@Override
	public ExitStatus afterStep(StepExecution execution) {
		RunStep.of(execution.getStepName()).ifPresent((step) -> {
			WeeklyReportParameters parameters = WeeklyReportParameters.from(execution.getJobParameters());
			// afterStep runs before the step's own status is final: a failure is already recorded, success not
			boolean completed = execution.getFailureExceptions().isEmpty()
					&& execution.getStatus() != BatchStatus.STOPPING && execution.getStatus() != BatchStatus.STOPPED
					&& !execution.isTerminateOnly();
			this.listeners.orderedStream()
				.forEach((listener) -> listener.stepEnded(parameters.job(), parameters.week(), step, completed));
		});
		return null;
	}

}
