package io.pushloss.store;

import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;


/**
 * The Raw sheet's rows: the stored rows of exactly the report week's planned windows (those the analysis sums), in
 * time, source, task, stage, event type, vendor and code order, read one window at a time as the sheet is written.
 * <p>
 * Window by window rather than one query over the week: each window is a short primary-key range already in order,
 * where a single query had to sort the whole week (400,000 rows for 1,000 tasks, beyond H2's in-memory limit, so on
 * disk), and rows stored under another window granularity or for another job's tasks never appear.
 * <p>
 * A reader thread reads the windows ahead of the sheet (at most {@link #WINDOWS_AHEAD} of them), on its own
 * connection: reading and mapping the rows costs about as much as writing them, and the two then run side by side.
 * Closing the source stops the reader.
 */
public final class PlannedWindowRawRows implements RawRowSource, AutoCloseable {

	/** Windows read ahead of the sheet: a few hundred rows each, so a few megabytes at most. */
	static final int WINDOWS_AHEAD = 64;

	private static final Comparator<PlannedWindow> SHEET_ORDER = Comparator.comparingLong(PlannedWindow::start)
		.thenComparingLong(PlannedWindow::end)
		.thenComparing((window) -> window.source().name())
		.thenComparing(PlannedWindow::taskId);

	private final LossStore store;

	private final long appId;

	private final List<PlannedWindow> windows;

	private long count = -1;

	private Thread reader;

	private volatile boolean closed;

	public PlannedWindowRawRows(LossStore store, long appId, List<PlannedWindow> windows) {
		this.store = store;
		this.appId = appId;
		this.windows = windows.stream().sorted(SHEET_ORDER).toList();
	}

	@Override
	public long count() {
		if (this.count < 0) {
			long total = this.store.windowRowCount(this.appId, this.windows);
			this.count = total;
		}
		return this.count;
	}

	@Override
	public synchronized Iterator<StoredLossRow> rows() {
		if (this.reader != null || this.closed) {
			throw new IllegalStateException("The raw rows can be read once");
		}
		BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(WINDOWS_AHEAD);
		this.reader = new Thread(() -> read(batches), "raw-rows-reader");
		this.reader.setDaemon(true);
		this.reader.start();
		return new BatchIterator(batches);
	}

	/** Whether the reader thread is still running (for tests). */
	synchronized boolean reading() {
		return this.reader != null && this.reader.isAlive();
	}

	/**
	 * Stops the reader after the window it is reading, if it is still reading. Not by interrupting it: an interrupt
	 * during a read closes H2's file channel.
	 */
	@Override
	public void close() {
		this.closed = true;
	}

	private void read(BlockingQueue<Batch> batches) {
		try {
			this.store.readWindows(this.appId, this.windows, (window, rows) -> hand(batches, new Batch(rows, null)));
			hand(batches, Batch.END);
		}
		catch (SourceClosed ex) {
			// nobody reads any more: done
		}
		catch (RuntimeException ex) {
			// handed to the sheet, which fails the workbook with it
			try {
				hand(batches, new Batch(List.of(), ex));
			}
			catch (SourceClosed closed) {
				// nobody reads any more
			}
		}
	}

	/** Waits for room in the queue, unless the source is closed (the sheet stopped reading). */
	private void hand(BlockingQueue<Batch> batches, Batch batch) {
		try {
			while (!this.closed) {
				if (batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
					return;
				}
			}
			throw new SourceClosed();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SourceClosed();
		}
	}

	/** Ends the reader once nobody reads its rows any more. */
	private static final class SourceClosed extends RuntimeException {

		SourceClosed() {
			super(null, null, false, false);
		}

	}

	/** One window's rows, the end of the rows ({@link #END}), or the reader's failure. */
	private record Batch(List<StoredLossRow> rows, RuntimeException failure) {

		static final Batch END = new Batch(List.of(), null);

	}

	private final class BatchIterator implements Iterator<StoredLossRow> {

		private final BlockingQueue<Batch> batches;

		private Iterator<StoredLossRow> current = Collections.emptyIterator();

		private boolean ended;

		BatchIterator(BlockingQueue<Batch> batches) {
			this.batches = batches;
		}

		@Override
		public boolean hasNext() {
			while (!this.current.hasNext() && !this.ended) {
				Batch batch = take();
				if (batch.failure() != null) {
					this.ended = true;
					throw batch.failure();
				}
				if (batch == Batch.END) {
					this.ended = true;
				}
				this.current = batch.rows().iterator();
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

		private Batch take() {
			try {
				while (true) {
					Batch batch = this.batches.poll(1, TimeUnit.SECONDS);
					if (batch != null) {
						return batch;
					}
					if (!PlannedWindowRawRows.this.reader.isAlive() && this.batches.isEmpty()) {
						throw new IllegalStateException("The raw rows reader stopped before the last window");
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for the raw rows", ex);
			}
		}

	}

}
