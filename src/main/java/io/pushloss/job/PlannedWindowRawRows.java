package io.pushloss.job;

import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import io.pushloss.analysis.PlannedWindow;
import io.pushloss.report.excel.RawRowSource;
import io.pushloss.store.LossStore;
import io.pushloss.store.StoredLossRow;

/**
 * The Raw sheet's rows: the stored rows of exactly the report week's planned windows (those the analysis sums), in
 * time, source, task, stage, event type, vendor and code order, read one window at a time as the sheet is written.
 * <p>
 * Window by window rather than one query over the week: each window is a short primary-key range already in order,
 * where a single query had to sort the whole week (400,000 rows for 1,000 tasks, beyond H2's in-memory limit, so on
 * disk), and rows stored under another window granularity or for another job's tasks never appear.
 */
final class PlannedWindowRawRows implements RawRowSource {

	private static final Comparator<PlannedWindow> SHEET_ORDER = Comparator.comparingLong(PlannedWindow::start)
		.thenComparingLong(PlannedWindow::end)
		.thenComparing((window) -> window.source().name())
		.thenComparing(PlannedWindow::taskId);

	private final LossStore store;

	private final long appId;

	private final List<PlannedWindow> windows;

	private long count = -1;

	PlannedWindowRawRows(LossStore store, long appId, List<PlannedWindow> windows) {
		this.store = store;
		this.appId = appId;
		this.windows = windows.stream().sorted(SHEET_ORDER).toList();
	}

	@Override
	public long count() {
		if (this.count < 0) {
			long total = 0;
			for (PlannedWindow window : this.windows) {
				total += this.store.windowRowCount(this.appId, window.source(), window.taskId(), window.start(),
						window.end());
			}
			this.count = total;
		}
		return this.count;
	}

	@Override
	public Iterator<StoredLossRow> rows() {
		return new Iterator<>() {

			private int next;

			private Iterator<StoredLossRow> current = Collections.emptyIterator();

			@Override
			public boolean hasNext() {
				while (!this.current.hasNext() && this.next < PlannedWindowRawRows.this.windows.size()) {
					PlannedWindow window = PlannedWindowRawRows.this.windows.get(this.next++);
					this.current = PlannedWindowRawRows.this.store
						.windowRows(PlannedWindowRawRows.this.appId, window.source(), window.taskId(), window.start(),
								window.end())
						.iterator();
				}
				return this.current.hasNext();
			}

			@Override
			public StoredLossRow next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return this.current.next();
			}

		};
	}

}
