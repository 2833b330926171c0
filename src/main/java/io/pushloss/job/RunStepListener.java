package io.pushloss.job;

import io.pushloss.domain.IsoWeek;

/**
 * Hears each step of a run start and end, for example to print one line per step. Beans of this type are found
 * when a step starts, so a command may register one after the application started. Called in the step's thread;
 * must be quick.
 */
public interface RunStepListener {

	/** A step starts (or starts again, on a restart). */
	void stepStarted(String job, IsoWeek week, RunStep step);

	/**
	 * A step ended.
	 * @param completed whether it completed; {@code false} when it failed or was stopped
	 */
	void stepEnded(String job, IsoWeek week, RunStep step, boolean completed);

}
