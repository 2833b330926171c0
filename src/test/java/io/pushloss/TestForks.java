package io.pushloss;

import java.nio.file.Path;

/**
 * The folder of this test JVM: the build runs the tests in several JVMs at once (surefire forks, see
 * doc/development.md), and a file that outlives one test class (a shared context's data directory or log file) must
 * not be shared by two of them. Surefire sets {@value #PROPERTY} to {@code target/fork-N}, N the fork's number; a
 * test started elsewhere (an IDE) uses {@code target}.
 */
public final class TestForks {

	/** The system property surefire sets to this fork's folder. */
	public static final String PROPERTY = "pushloss.test.fork-dir";

	/**
	 * This fork's folder as a placeholder, for Spring properties written as constants ({@code @SpringBootTest}'s
	 * {@code properties}): the environment resolves it from the system property.
	 */
	public static final String DIRECTORY_PLACEHOLDER = "${" + PROPERTY + ":target}";

	private TestForks() {
	}

	/** This fork's folder (relative to the build's working directory unless surefire made it absolute). */
	public static Path directory() {
		return Path.of(System.getProperty(PROPERTY, "target"));
	}

}
