package io.pushloss.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.pushloss.domain.LossSource;

/**
 * Answers "is this window already in the store?" from a set of stored windows. A planned window counts as stored
 * for a task when that task's stored windows cover its whole range, whatever their size: after the job's
 * {@code window} granularity changes, weeks already stored are not fetched again (the vendor may no longer serve
 * them).
 */
public final class WindowCoverage {

	private final Map<Key, List<StoredWindow>> byTask = new HashMap<>();

	/**
	 * @param stored the stored windows, for example from {@link LossStore#storedWindows}
	 * @param since only windows committed after this instant count ({@code null}: all count); a forced refresh
	 * passes its start so that what it has already refreshed is not fetched again after a restart. Strictly after:
	 * under a fixed clock ({@code -Dpushloss.now}) every window is stamped with the same instant as the refresh,
	 * and a window stored before the refresh must not pass for refreshed.
	 */
	public WindowCoverage(Collection<StoredWindow> stored, Instant since) {
		for (StoredWindow window : stored) {
			if (since == null || window.fetchedAt().isAfter(since)) {
				this.byTask.computeIfAbsent(new Key(window.source(), window.taskId()), (key) -> new ArrayList<>())
					.add(window);
			}
		}
		this.byTask.values().forEach((windows) -> windows.sort(Comparator.comparingLong(StoredWindow::start)));
	}

	/** The window's task keys (see {@link FetchWindow#taskKeys()}) whose range is not fully stored, in order. */
	public List<String> missingTasks(FetchWindow window) {
		List<String> missing = new ArrayList<>();
		for (String task : window.taskKeys()) {
			if (!covers(window.source(), task, window.start(), window.end())) {
				missing.add(task);
			}
		}
		return missing;
	}

	/** Whether every task of the window is fully stored. */
	public boolean isStored(FetchWindow window) {
		return missingTasks(window).isEmpty();
	}

	/**
	 * The part of a window still to fetch: {@code null} when it is fully stored, the window itself for overall
	 * statistics and normal push, else the window narrowed to its missing TaskIDs.
	 */
	public FetchWindow remainder(FetchWindow window) {
		List<String> missing = missingTasks(window);
		if (missing.isEmpty()) {
			return null;
		}
		return window.isOverall() ? window : window.withTaskIds(missing);
	}

	/** Whether one task's stored windows cover {@code [start, end)} without a gap. */
	public boolean covers(LossSource source, String taskId, long start, long end) {
		long reached = start;
		for (StoredWindow window : this.byTask.getOrDefault(new Key(source, taskId), List.of())) {
			if (window.start() > reached) {
				break;
			}
			reached = Math.max(reached, window.end());
			if (reached >= end) {
				return true;
			}
		}
		return reached >= end;
	}

	private record Key(LossSource source, String taskId) {
	}

}
