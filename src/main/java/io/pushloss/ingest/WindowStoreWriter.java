package io.pushloss.ingest;


import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Replaces the fetched windows in the store of record, in the chunk's transaction.
 */
class WindowStoreWriter implements ItemWriter<FetchedWindow> {

	private final FetchSession session;

	WindowStoreWriter(FetchSession session) {
		this.session = session;
	}

	@Override
	public void write(Chunk<? extends FetchedWindow> chunk) {
		this.session.store(chunk.getItems());
	}

}
