package io.pushloss.ingest;

import io.pushloss.store.FetchWindow;

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
