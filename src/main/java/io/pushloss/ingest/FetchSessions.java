package io.pushloss.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.pushloss.domain.IsoWeek;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.store.LossStore;

/**
 * Makes the {@link FetchSession} of one fetch step execution, with the store, the job's API client, the clock and
 * whoever listens to the fetch's progress.
 */
@Component
public class FetchSessions {

	private final LossStore store;

	private final PushLossApiProvider apiProvider;

	private final Clock clock;

	private final ObjectProvider<FetchProgressListener> progress;

	FetchSessions(LossStore store, PushLossApiProvider apiProvider, Clock clock,
			ObjectProvider<FetchProgressListener> progress) {
		this.store = store;
		this.apiProvider = apiProvider;
		this.clock = clock;
		this.progress = progress;
	}

	/**
	 * The session of one step execution.
	 * @param refreshSince for a forced refresh, when it was asked for; {@code null} for an incremental run
	 */
	public FetchSession create(JobDefinition job, IsoWeek week, ZoneId zone, Instant refreshSince) {
		return new FetchSession(job, week, zone, refreshSince, this.store, this.apiProvider, this.clock,
				// looked up per step execution: a command registers its progress display after the application started
				FetchProgressListener.all(this.progress.orderedStream().toList()));
	}

}
