package io.pushloss.console;

/** Input the console refuses: 400, naming the field. */
class BadInputException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String field;

	BadInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The name of the field (or parameter) at fault. */
	String field() {
		return this.field;
	}

}
