package io.pushloss.console;

/**
 * A request the console does not answer because of one field (or parameter), which it names; its subtypes say how
 * (a refused input, something that does not exist), and the pages and the API answer each with its own status.
 */
abstract class ConsoleFieldException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String field;

	ConsoleFieldException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The name of the field (or parameter) at fault. */
	String field() {
		return this.field;
	}

}
