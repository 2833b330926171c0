package io.pushloss.api;

import java.time.Clock;

/**
 * Keeps the current UserSig and signs again when less than 10% of its lifetime is left (or the clock went back
 * before its issue time), so a long backfill never sends an almost-expired signature. Thread-safe.
 */
final class SignatureCache {

	private final UserSig signer;

	private final long sdkAppId;

	private final String identifier;

	private final long lifetimeSeconds;

	private final Clock clock;

	private String current;

	private long issuedAt;

	SignatureCache(ApiClientSettings settings) {
		this.signer = new UserSig(settings.secretKey(), settings.clock());
		this.sdkAppId = settings.sdkAppId();
		this.identifier = settings.identifier();
		this.lifetimeSeconds = settings.userSigLifetime().getSeconds();
		this.clock = settings.clock();
	}

	/** The cached UserSig, renewed first when it is close to expiry. */
	synchronized String current() {
		long now = this.clock.instant().getEpochSecond();
		long renewAt = this.issuedAt + this.lifetimeSeconds - Math.max(1, this.lifetimeSeconds / 10);
		if (this.current == null || now >= renewAt || now < this.issuedAt) {
			return renew();
		}
		return this.current;
	}

	/** Signs again now, whatever the cached signature's age (after a 70001 answer). */
	synchronized String renew() {
		this.issuedAt = this.clock.instant().getEpochSecond();
		this.current = this.signer.generate(this.sdkAppId, this.identifier, this.issuedAt, this.lifetimeSeconds);
		return this.current;
	}

}
