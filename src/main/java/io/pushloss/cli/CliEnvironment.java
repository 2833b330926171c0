package io.pushloss.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What the commands take from the outside world, so that tests can fix the clock, fake environment variables and
 * capture output.
 *
 * @param clock what "now" is: decides the last complete week and which weeks are still in the future
 * @param environment looks up environment variables (returns {@code null} when unset)
 * @param operations the commands backed by the store and job repository
 * @param simulator starts the simulator for {@code simulate}
 * @param jobsDirectory where {@code serve} looks for {@code *.yml} when given no job file
 * @param output where commands write
 * @param input standard input ({@code users ... --password-stdin} reads the password from it)
 */
public record CliEnvironment(Clock clock, UnaryOperator<String> environment, ReportOperations operations,
		SimulatorLauncher simulator, Path jobsDirectory, CommandOutput output, InputStream input) {

	/**
	 * System property with an ISO instant (e.g. {@code 2026-11-18T01:00:00Z}) that fixes the clock, for
	 * reproducible demos and end-to-end tests of the packaged jar.
	 */
	public static final String CLOCK_PROPERTY = "pushloss.now";

	public CliEnvironment {
		Objects.requireNonNull(clock, "clock");
		Objects.requireNonNull(environment, "environment");
		Objects.requireNonNull(operations, "operations");
		Objects.requireNonNull(simulator, "simulator");
		Objects.requireNonNull(jobsDirectory, "jobsDirectory");
		Objects.requireNonNull(output, "output");
		Objects.requireNonNull(input, "input");
	}

	/** An environment whose standard input is the process's own. */
	public CliEnvironment(Clock clock, UnaryOperator<String> environment, ReportOperations operations,
			SimulatorLauncher simulator, Path jobsDirectory, CommandOutput output) {
		this(clock, environment, operations, simulator, jobsDirectory, output, System.in);
	}

	/** The real process: system clock (or {@value #CLOCK_PROPERTY}), real environment, standard streams. */
	public static CliEnvironment system() {
		Charset charset = Charset.defaultCharset();
		CommandOutput output = new CommandOutput(new PrintWriter(System.out, true, charset),
				new PrintWriter(System.err, true, charset));
		Clock clock = systemClock();
		return new CliEnvironment(clock, System::getenv,
				new SpringReportOperations(clock, System::getenv, System.console() != null),
				new EmbeddedSimulatorLauncher(), Path.of("jobs"), output);
	}

	private static Clock systemClock() {
		String fixed = System.getProperty(CLOCK_PROPERTY);
		if (fixed == null || fixed.isBlank()) {
			return Clock.systemDefaultZone();
		}
		try {
			return Clock.fixed(Instant.parse(fixed.strip()), ZoneId.systemDefault());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"-D" + CLOCK_PROPERTY + "=" + fixed + " is not an ISO instant such as 2026-11-18T01:00:00Z", ex);
		}
	}

}
