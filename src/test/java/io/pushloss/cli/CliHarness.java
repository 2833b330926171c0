package io.pushloss.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link Main} with a fixed clock, fake environment variables, captured output and operations that record
 * what they were asked to do.
 */
final class CliHarness {

	/** Wednesday 2026-11-18 10:00 in Shanghai: the last complete week there is 2026-W46. */
	static final Instant WEDNESDAY_OF_W47 = Instant.parse("2026-11-18T02:00:00Z");

	final Map<String, String> environment = new HashMap<>();

	final RecordingOperations operations = new RecordingOperations();

	Clock clock = Clock.fixed(WEDNESDAY_OF_W47, ZoneOffset.UTC);

	SimulatorLauncher simulator = new EmbeddedSimulatorLauncher();

	Path jobsDirectory = Path.of("jobs");

	/** What the command reads on standard input (empty unless a test sets it). */
	byte[] stdin = new byte[0];

	private StringWriter out = new StringWriter();

	private StringWriter err = new StringWriter();

	int execute(String... args) {
		this.out = new StringWriter();
		this.err = new StringWriter();
		return Main.execute(environment(), args);
	}

	/** The command's environment, writing into this harness's (current) output. */
	CliEnvironment environment() {
		return new CliEnvironment(this.clock, this.environment::get, this.operations.operations, this.simulator,
				this.jobsDirectory, new CommandOutput(new PrintWriter(this.out), new PrintWriter(this.err)),
				new ByteArrayInputStream(this.stdin));
	}

	String out() {
		return this.out.toString();
	}

	String err() {
		return this.err.toString();
	}

	List<String> errLines() {
		return this.err.toString().lines().toList();
	}

	/**
	 * Operations that record each request and return {@link #exitCode}: every method of {@link ReportOperations}
	 * takes its request first.
	 */
	static final class RecordingOperations {

		final List<Object> requests = new ArrayList<>();

		int exitCode = ReportOperations.SUCCESS;

		final ReportOperations operations = (ReportOperations) Proxy.newProxyInstance(
				ReportOperations.class.getClassLoader(), new Class<?>[] { ReportOperations.class },
				(proxy, method, args) -> (method.getDeclaringClass() == Object.class) ? method.invoke(this, args)
						: record(args[0]));

		private int record(Object request) {
			this.requests.add(request);
			return this.exitCode;
		}

		<T> T only(Class<T> type) {
			if (this.requests.size() != 1) {
				throw new AssertionError("expected one request, got " + this.requests);
			}
			return type.cast(this.requests.get(0));
		}

	}

}
