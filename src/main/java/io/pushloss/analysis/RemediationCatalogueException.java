package io.pushloss.analysis;

/**
 * The remediation catalogue cannot be read or has an invalid entry; the message names the file and the entry.
 */
public class RemediationCatalogueException extends RuntimeException {

	public RemediationCatalogueException(String message) {
		super(message);
	}

	public RemediationCatalogueException(String message, Throwable cause) {
		super(message, cause);
	}

}
