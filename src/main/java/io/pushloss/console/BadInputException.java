package io.pushloss.console;

/** Input the console refuses: 400, naming the field. */
class BadInputException extends ConsoleFieldException {

	private static final long serialVersionUID = 1L;

	BadInputException(String field, String message) {
		super(field, message);
	}

}
