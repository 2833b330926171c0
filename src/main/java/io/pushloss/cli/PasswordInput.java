package io.pushloss.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a password from standard input: on a terminal without echo, twice; otherwise its first line (what
 * {@code printf '%s\n' "$PW" |} or {@code < file} gives). The password is never printed.
 */
final class PasswordInput {

	/** More than any password: the rest of a larger input is not read. */
	static final int MAX_BYTES = 4096;

	private PasswordInput() {
	}

	static String read(CliEnvironment environment, String name) {
		Console console = System.console();
		if (console != null && environment.input() == System.in) {
			return fromTerminal(console, name);
		}
		return firstLine(environment.input());
	}

	private static String fromTerminal(Console console, String name) {
		char[] first = console.readPassword("Password for %s: ", name);
		char[] second = console.readPassword("The same password again: ");
		try {
			if (first == null || second == null) {
				throw new InvalidInputException("No password: standard input ended");
			}
			if (!Arrays.equals(first, second)) {
				throw new InvalidInputException("The two passwords differ; nothing was changed");
			}
			return new String(first);
		}
		finally {
			if (first != null) {
				Arrays.fill(first, '\0');
			}
			if (second != null) {
				Arrays.fill(second, '\0');
			}
		}
	}

	static String firstLine(InputStream input) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			int b;
			while (bytes.size() < MAX_BYTES && (b = input.read()) != -1 && b != '\n') {
				bytes.write(b);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the password from standard input: " + ex.getMessage(), ex);
		}
		String line = bytes.toString(StandardCharsets.UTF_8);
		return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
	}

}
