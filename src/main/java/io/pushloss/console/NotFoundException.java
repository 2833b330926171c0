package io.pushloss.console;

/** Something asked for that does not exist: 404, naming the field. */
class NotFoundException extends ConsoleFieldException {

	private static final long serialVersionUID = 1L;

	NotFoundException(String field, String message) {
		super(field, message);
	}

}
