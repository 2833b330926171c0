package io.pushloss.ingest;

import java.util.List;
import java.util.Objects;

import io.pushloss.domain.LossRow;
import io.pushloss.store.FetchWindow;

/**
 * A window and the rows the vendor returned for it, on its way to the store.
 *
 * @param window the window that was fetched
 * @param rows every row of the answer, for all of the window's tasks
 */
public record FetchedWindow(FetchWindow window, List<LossRow> rows) {

	public FetchedWindow {
		Objects.requireNonNull(window, "window");
		rows = List.copyOf(rows);
	}

}
