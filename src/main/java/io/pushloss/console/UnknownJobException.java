package io.pushloss.console;

/** A job name that {@code serve} does not serve: 404, naming the field {@code name}. */
class UnknownJobException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UnknownJobException(String name) {
		super("No job '" + ConsoleText.shorten(name) + "' is served here");
	}

}
