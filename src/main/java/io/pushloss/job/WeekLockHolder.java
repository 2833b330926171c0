package io.pushloss.job;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who holds a week lock: the host, the process id and a nonce that tells apart two holders in one process (two
 * application contexts). Written into the lock's row as its client id, {@code <host>/<pid>/<nonce>}, so that whoever
 * finds a week taken can say which node runs it, and a process on the same host can see that the holder is gone.
 *
 * @param host the holder's host: its machine's host name, or its {@code pushloss.node.host}
 * @param pid the holder's process id
 * @param nonce random hex digits, fixed for the holder's lifetime
 */
public record WeekLockHolder(String host, long pid, String nonce) {

	private static final Pattern CLIENT_ID = Pattern.compile("(.+)/([0-9]{1,19})/([0-9a-f]{1,16})");

	public WeekLockHolder {
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(nonce, "nonce");
		if (host.isBlank() || host.length() > NodeProperties.MAX_HOST_LENGTH || host.contains("/")) {
			throw new IllegalArgumentException("A lock holder's host must be 1-200 characters without '/': " + host);
		}
	}

	/** This process on {@code host} (see {@link NodeProperties#host()}), with a fresh nonce. */
	static WeekLockHolder thisProcess(String host) {
		return new WeekLockHolder(host, ProcessHandle.current().pid(),
				HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
	}

	/** The holder a lock row names, or empty when it is not one of ours. */
	static Optional<WeekLockHolder> parse(String clientId) {
		if (clientId == null) {
			return Optional.empty();
		}
		Matcher matcher = CLIENT_ID.matcher(clientId.strip());
		if (!matcher.matches() || matcher.group(1).length() > NodeProperties.MAX_HOST_LENGTH) {
			return Optional.empty();
		}
		return Optional.of(new WeekLockHolder(matcher.group(1), Long.parseLong(matcher.group(2)), matcher.group(3)));
	}

	/** The lock row's client id. */
	String clientId() {
		return this.host + "/" + this.pid + "/" + this.nonce;
	}

	/**
	 * Whether this holder ran on {@code localHost} and its process has ended: then its lock is a leftover, whatever
	 * its time to live says. A process id that was reused counts as alive (the lock then expires by itself).
	 */
	boolean deadOn(String localHost) {
		return this.host.equals(localHost) && ProcessHandle.of(this.pid).map((process) -> !process.isAlive())
			.orElse(true);
	}

	/** For messages: "node HOST / pid PID". */
	String describe() {
		return "node " + this.host + " / pid " + this.pid;
	}

	/** The machine's host name ({@code HOSTNAME}, or {@code localhost}, when it has none fit for a lock row). */
	static String localHost() {
		try {
			String name = InetAddress.getLocalHost().getHostName();
			if (name != null && !name.isBlank() && !name.contains("/")) {
				return name;
			}
		}
		catch (UnknownHostException ex) {
			// below: the variable most containers set
		}
		String variable = System.getenv("HOSTNAME");
		return (variable != null && !variable.isBlank() && !variable.contains("/")) ? variable : "localhost";
	}

}
