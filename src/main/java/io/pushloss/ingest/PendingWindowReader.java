package io.pushloss.ingest;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import io.pushloss.store.FetchWindow;

/**
 * Yields the planned windows that are not in the store yet.
 */
class PendingWindowReader implements ItemStreamReader<FetchWindow> {

	private final FetchSession session;

	private final FetchCheckpoint.Store checkpoints;

	PendingWindowReader(FetchSession session, FetchCheckpoint.Store checkpoints) {
		this.session = session;
		this.checkpoints = checkpoints;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.session.open(this.checkpoints.in(executionContext));
	}

	@Override
	public FetchWindow read() {
		return this.session.next();
	}

}
