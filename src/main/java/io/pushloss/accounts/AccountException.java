package io.pushloss.accounts;

/** An account operation refused: a bad name or password, a name taken. The message is one line, without secrets. */
public class AccountException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** @param message the one line that says what is wrong */
	public AccountException(String message) {
		super(message);
	}

}
