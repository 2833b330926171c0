package io.pushloss.cli;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * Where a command writes: {@code out} for results (a UserSig, a run list), {@code err} for progress and errors.
 *
 * @param out standard output
 * @param err standard error
 */
public record CommandOutput(PrintWriter out, PrintWriter err) {

	public CommandOutput {
		Objects.requireNonNull(out, "out");
		Objects.requireNonNull(err, "err");
	}

}
