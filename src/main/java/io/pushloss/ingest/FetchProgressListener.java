package io.pushloss.ingest;

import java.util.List;

import io.pushloss.domain.IsoWeek;

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
	 * One listener that tells all of these in order (several may be registered, e.g. backfill's progress bar and
	 * metrics).
	 */
	static FetchProgressListener all(List<FetchProgressListener> listeners) {
		List<FetchProgressListener> copy = List.copyOf(listeners);
		return switch (copy.size()) {
			case 0 -> NONE;
			case 1 -> copy.get(0);
			default -> (progress) -> copy.forEach((listener) -> listener.progress(progress));
		};
	}

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
