package io.pushloss.scheduling;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.pushloss.api.LossQuery;
import io.pushloss.api.LossResponse;
import io.pushloss.api.PushLossApi;
import io.pushloss.ingest.FakePushLossApi;

/**
 * A fake API whose calls can be held at a gate: from a chosen call on, each call waits until the test opens the
 * gate, so a test knows a run is in the middle of its fetch without timing anything.
 */
final class GatedApi implements PushLossApi {

	private final FakePushLossApi delegate = new FakePushLossApi();

	private final AtomicInteger calls = new AtomicInteger();

	private final AtomicInteger waiting = new AtomicInteger();

	private volatile int holdFromCall = Integer.MAX_VALUE;

	private volatile CountDownLatch gate = new CountDownLatch(0);

	@Override
	public LossResponse fetch(LossQuery query) {
		int call = this.calls.incrementAndGet();
		if (call >= this.holdFromCall) {
			this.waiting.incrementAndGet();
			try {
				if (!this.gate.await(60, TimeUnit.SECONDS)) {
					throw new IllegalStateException("the test never opened the gate");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			finally {
				this.waiting.decrementAndGet();
			}
		}
		return this.delegate.fetch(query);
	}

	/** Calls from the {@code call}-th on (counted from now, 1-based) wait at the gate until {@link #open()}. */
	void holdFrom(int call) {
		this.gate = new CountDownLatch(1);
		this.holdFromCall = this.calls.get() + call;
	}

	void open() {
		this.holdFromCall = Integer.MAX_VALUE;
		this.gate.countDown();
	}

	/** Calls waiting at the gate now. */
	int waiting() {
		return this.waiting.get();
	}

	int calls() {
		return this.calls.get();
	}

}
