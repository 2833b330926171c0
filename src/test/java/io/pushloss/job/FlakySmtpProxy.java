package io.pushloss.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback SMTP front that turns the next {@code n} connections away with {@code 421 Service not available}, as
 * a server that is down or overloaded does, or accepts them and never says a word (a stalled server), and relays
 * every other connection to the real server behind it.
 */
final class FlakySmtpProxy implements AutoCloseable {

	private final ServerSocket server;

	private final int targetPort;

	private final AtomicInteger toRefuse = new AtomicInteger();

	private final AtomicInteger refused = new AtomicInteger();

	private final AtomicInteger toStall = new AtomicInteger();

	private final AtomicInteger stalled = new AtomicInteger();

	private final List<Socket> held = new CopyOnWriteArrayList<>();

	private FlakySmtpProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "flaky-smtp-" + this.server.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	static FlakySmtpProxy relayingTo(int targetPort) {
		try {
			return new FlakySmtpProxy(targetPort);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** Turns the next {@code connections} connections away (replacing what was left of an earlier setting). */
	void refuseNext(int connections) {
		this.toRefuse.set(connections);
		this.refused.set(0);
	}

	/**
	 * Accepts the next {@code connections} connections and never greets (replacing what was left of an earlier
	 * setting); 0 also closes the connections held so far.
	 */
	void stallNext(int connections) {
		this.toStall.set(connections);
		this.stalled.set(0);
		if (connections == 0) {
			this.held.forEach(FlakySmtpProxy::closeQuietly);
			this.held.clear();
		}
	}

	/** Connections accepted and left without a greeting since the last {@link #stallNext}. */
	int stalled() {
		return this.stalled.get();
	}

	/** Connections turned away since the last {@link #refuseNext}. */
	int refused() {
		return this.refused.get();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.toStall.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
					this.held.add(client);
					this.stalled.incrementAndGet();
				}
				else if (this.toRefuse.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
					this.refused.incrementAndGet();
					try (client) {
						client.getOutputStream()
							.write("421 4.3.2 Service not available, closing transmission channel\r\n"
								.getBytes(StandardCharsets.US_ASCII));
					}
				}
				else {
					relay(client);
				}
			}
			catch (IOException ex) {
				// closed, or one connection failed: keep serving the others
			}
		}
	}

	private void relay(Socket client) throws IOException {
		Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
		pump(client, upstream);
		pump(upstream, client);
	}

	private static void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// the other side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "flaky-smtp-relay");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
