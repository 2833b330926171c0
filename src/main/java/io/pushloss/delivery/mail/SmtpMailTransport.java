package io.pushloss.delivery.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.SocketFactory;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends through Spring's {@link JavaMailSender}, configured by {@code spring.mail.*}. The SMTP envelope lists every
 * recipient including the blind ones ({@link EnvelopeMimeMessage#getAllRecipients()}); the headers do not.
 * <p>
 * Every wait is bounded: unless {@code spring.mail.properties.*} says otherwise, connecting times out after 10 s and
 * reading or writing after 30 s ({@link #DEFAULT_TIMEOUTS}; Jakarta Mail's own default is to wait for ever, so a
 * server that accepts the connection and never greets would hang the run). And {@link #abort()} ends a send in
 * progress at once by closing its connection (plain SMTP and STARTTLS; {@code smtps} ends within its timeouts).
 */
public class SmtpMailTransport implements MailTransport {

	/** The timeouts set unless {@code spring.mail.properties} sets them: milliseconds, per protocol. */
	public static final Map<String, String> DEFAULT_TIMEOUTS = Map.of("mail.smtp.connectiontimeout", "10000",
			"mail.smtp.timeout", "30000", "mail.smtp.writetimeout", "30000", "mail.smtps.connectiontimeout", "10000",
			"mail.smtps.timeout", "30000", "mail.smtps.writetimeout", "30000");

	private static final Logger logger = LoggerFactory.getLogger(SmtpMailTransport.class);

	private static final String SOCKET_FACTORY = "mail.smtp.socketFactory";

	private final JavaMailSender sender;

	private final Session session;

	private final TrackedSockets sockets = new TrackedSockets();

	private volatile boolean aborted;

	public SmtpMailTransport(JavaMailSender sender) {
		this.sender = Objects.requireNonNull(sender, "sender");
		if (sender instanceof JavaMailSenderImpl impl) {
			impl.setJavaMailProperties(withDefaults(impl.getJavaMailProperties(), this.sockets));
			this.session = impl.getSession();
		}
		else {
			this.session = sender.createMimeMessage().getSession();
		}
	}

	/** The configured properties, with the default timeouts and this transport's socket factory where unset. */
	static Properties withDefaults(Properties configured, SocketFactory sockets) {
		Properties properties = new Properties();
		properties.putAll(configured);
		DEFAULT_TIMEOUTS.forEach(properties::putIfAbsent);
		if (!properties.containsKey(SOCKET_FACTORY) && !properties.containsKey(SOCKET_FACTORY + ".class")) {
			// Jakarta Mail takes a SocketFactory instance under this key: its sockets can be closed by abort()
			properties.put(SOCKET_FACTORY, sockets);
		}
		return properties;
	}

	@Override
	public Session session() {
		return this.session;
	}

	@Override
	public void send(MimeMessage message) throws MailException {
		if (this.aborted) {
			throw new MailSendException("not sent: the application is stopping");
		}
		try {
			this.sender.send(message);
		}
		catch (MailException ex) {
			if (this.aborted) {
				throw new MailSendException("aborted: the application is stopping", ex);
			}
			throw ex;
		}
	}

	@Override
	public void abort() {
		this.aborted = true;
		int closed = this.sockets.closeAll();
		if (closed > 0) {
			logger.warn("Closed {} SMTP connection(s) in progress: the application is stopping", closed);
		}
	}

	@Override
	public void resume() {
		this.aborted = false;
	}

	@Override
	public boolean aborted() {
		return this.aborted;
	}

	@Override
	public MailMode mode() {
		return MailMode.SMTP;
	}

	@Override
	public String describe() {
		if (this.sender instanceof JavaMailSenderImpl impl) {
			return "SMTP server " + impl.getHost() + ((impl.getPort() > 0) ? ":" + impl.getPort() : "");
		}
		return "the configured mail sender";
	}

	/** Plain sockets, remembered while open so that {@link #closeAll()} can end a blocked read or write. */
	static final class TrackedSockets extends SocketFactory {

		private final Set<Socket> open = ConcurrentHashMap.newKeySet();

		@Override
		public Socket createSocket() {
			Socket socket = new Socket() {

				@Override
				public synchronized void close() throws IOException {
					TrackedSockets.this.open.remove(this);
					super.close();
				}

			};
			this.open.add(socket);
			return socket;
		}

		@Override
		public Socket createSocket(String host, int port) throws IOException {
			Socket socket = createSocket();
			socket.connect(new InetSocketAddress(host, port));
			return socket;
		}

		@Override
		public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
			Socket socket = createSocket();
			socket.bind(new InetSocketAddress(localHost, localPort));
			socket.connect(new InetSocketAddress(host, port));
			return socket;
		}

		@Override
		public Socket createSocket(InetAddress host, int port) throws IOException {
			Socket socket = createSocket();
			socket.connect(new InetSocketAddress(host, port));
			return socket;
		}

		@Override
		public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
				throws IOException {
			Socket socket = createSocket();
			socket.bind(new InetSocketAddress(localAddress, localPort));
			socket.connect(new InetSocketAddress(address, port));
			return socket;
		}

		/** Closes every open socket; returns how many. */
		int closeAll() {
			int closed = 0;
			for (Socket socket : Set.copyOf(this.open)) {
				try {
					socket.close();
					closed++;
				}
				catch (IOException ex) {
					// closing is all we wanted
				}
			}
			return closed;
		}

		/** How many sockets are open (tests). */
		int openCount() {
			return this.open.size();
		}

	}

}
