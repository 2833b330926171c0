package io.pushloss.job;

import io.pushloss.ingest.FetchWindow;
import io.pushloss.ingest.FetchedWindow;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Fetches a window's rows from the vendor.
 */
class WindowFetchProcessor implements ItemProcessor<FetchWindow, FetchedWindow> {

	private final FetchSession session;

	WindowFetchProcessor(FetchSession session) {
		this.session = session;
	}

	@Override
	public FetchedWindow process(FetchWindow window) {
		return this.session.fetch(window);
	}

}
