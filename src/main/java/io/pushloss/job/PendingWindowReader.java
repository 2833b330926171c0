package io.pushloss.job;

import io.pushloss.ingest.FetchWindow;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Yields the planned windows that are not in the store yet.
 */
class PendingWindowReader implements ItemStreamReader<FetchWindow> {

	private final FetchSession session;

	PendingWindowReader(FetchSession session) {
		this.session = session;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.session.open(executionContext);
	}

	@Override
	public FetchWindow read() {
		return this.session.next();
	}

}
