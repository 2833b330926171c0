package io.pushloss.job;

import io.pushloss.week.IsoWeek;

/**
 * Hears the fetch step's progress, for example to draw {@code backfill}'s progress bar. Called in the step's
 * thread; must be quick.
 */
@FunctionalInterface
public interface FetchProgressListener {

	/** Does nothing. */
	FetchProgressListener NONE = (progress) -> {
	};

	/** Called when the plan is known and after each committed chunk. */
	void progress(Progress progress);

	/**
	 * @param job the job name
	 * @param week the report week being fetched
	 * @param windowsDone windows stored (before or by this run)
	 * @param windowsPlanned windows in the plan
	 * @param calls API calls made by this step execution
	 */
	record Progress(String job, IsoWeek week, int windowsDone, int windowsPlanned, int calls) {
	}

}
