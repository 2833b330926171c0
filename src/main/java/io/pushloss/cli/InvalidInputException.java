package io.pushloss.cli;

/**
 * Input the command cannot work with (exit code 2) that is not a malformed option: a missing environment
 * variable, a data directory that is a file. The message is the one line printed.
 */
class InvalidInputException extends RuntimeException {

	InvalidInputException(String message) {
		super(message);
	}

}
