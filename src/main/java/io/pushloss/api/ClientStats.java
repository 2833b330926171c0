package io.pushloss.api;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Running counters of one {@link PushLossClient}, for progress lines and metrics. Thread-safe; the client updates
 * them, anyone may read them.
 */
public final class ClientStats {

	private final AtomicLong calls = new AtomicLong();

	private final AtomicLong retries = new AtomicLong();

	private final AtomicLong frequencyLimitAnswers = new AtomicLong();

	private final AtomicLong resigns = new AtomicLong();

	/** HTTP requests sent, retries and re-signed calls included. */
	public long calls() {
		return this.calls.get();
	}

	/** Retries scheduled after a retryable failure. */
	public long retries() {
		return this.retries.get();
	}

	/** Answers that said "too many calls" (60007, 60011, 60018, 70050, HTTP 429). */
	public long frequencyLimitAnswers() {
		return this.frequencyLimitAnswers.get();
	}

	/** UserSigs generated again after the vendor said 70001 (expired). */
	public long resigns() {
		return this.resigns.get();
	}

	void callSent() {
		this.calls.incrementAndGet();
	}

	void retryScheduled() {
		this.retries.incrementAndGet();
	}

	void frequencyLimited() {
		this.frequencyLimitAnswers.incrementAndGet();
	}

	void resigned() {
		this.resigns.incrementAndGet();
	}

	@Override
	public String toString() {
		return "calls=" + calls() + ", retries=" + retries() + ", frequency-limit answers=" + frequencyLimitAnswers()
				+ ", re-signs=" + resigns();
	}

}
