package io.pushloss.job;

import java.util.Objects;

/**
 * Something a run that completed wants its operator to know: the documents were written, but not quite as asked.
 * Shown in the run's result ({@code run}, {@code restart}, {@code backfill}), in {@code runs --json} and logged as a
 * warning when it happens.
 *
 * @param kind what sort of warning
 * @param message one line naming what is affected, e.g. {@code task name '春节🎉': 1 character (U+1F389) not in any
 * embedded font}
 */
public record RunWarning(Kind kind, String message) {

	public RunWarning {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(message, "message");
		message = message.replace('\n', ' ').replace('\r', ' ');
	}

	/** The sorts of warning. */
	public enum Kind {

		/** A text of the PDF has characters that no embedded font can draw; the PDF shows it without them. */
		PDF_UNRENDERABLE_CHARACTERS

	}

}
