package io.pushloss.cli;

import java.net.http.HttpClient;
import java.security.NoSuchAlgorithmException;

import javax.net.ssl.SSLContext;

/**
 * Prepares, on a background thread, what the first vendor call of a run needs and nothing before it does: the
 * JVM's default TLS context (its trust store read and parsed) and the HTTP client's classes. Started before the
 * application context of {@code run}, {@code backfill} and {@code restart}, it overlaps the context's start-up
 * instead of following it. A daemon thread, it never keeps the process alive; whatever it meets, the client meets
 * again and reports.
 */
final class TlsWarmUp {

	private TlsWarmUp() {
	}

	/** Starts the warm-up and returns at once. */
	static void start() {
		Thread thread = new Thread(TlsWarmUp::warmUp, "tls-warm-up");
		thread.setDaemon(true);
		thread.start();
	}

	private static void warmUp() {
		try {
			SSLContext.getDefault();
			HttpClient.newBuilder();
		}
		catch (NoSuchAlgorithmException | RuntimeException ex) {
			// the client's own set-up reports it
		}
	}

}
