package io.pushloss.console;

/** Something asked for that does not exist: 404, naming the field. */
class NotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String field;

	NotFoundException(String field, String message) {
		super(message);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
