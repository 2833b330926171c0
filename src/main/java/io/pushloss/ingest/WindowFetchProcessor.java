package io.pushloss.ingest;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import io.pushloss.store.FetchWindow;

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
