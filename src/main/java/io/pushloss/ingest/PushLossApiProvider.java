package io.pushloss.ingest;

import io.pushloss.api.PushLossApi;
import io.pushloss.jobdef.JobDefinition;

/**
 * Gives the fetch step a client for a job: the real vendor client, or one pointed at the embedded simulator when
 * the job says {@code api.simulator: true}. Called once per step execution.
 */
@FunctionalInterface
public interface PushLossApiProvider {

	/**
	 * A client for the job's data centre, application and credentials.
	 * @throws RuntimeException with an operator-facing message when the job's credentials are missing
	 */
	PushLossApi forJob(JobDefinition job);

	/** Ends the calls in progress at once and refuses later ones until {@link #resume()} (the application stops). */
	default void abortInFlight() {
	}

	/** Calls again after {@link #abortInFlight()}. */
	default void resume() {
	}

}
