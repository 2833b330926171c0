package io.pushloss.jobdef;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A job file that cannot be used: unreadable, not YAML, an unknown key, or a field that fails validation.
 * <p>
 * {@link #getMessage()} is one line that names the file, the field and the reason, for example
 * {@code jobs/demo.yml: api.sdkappid: must be a positive integer, got "-5"}. Job files hold no secrets (only the
 * <em>name</em> of the variable with the key), so quoting the offending value is safe.
 */
public class InvalidJobDefinitionException extends RuntimeException {

	private final Path file;

	private final String field;

	private final String reason;

	/**
	 * @param file the job file as the operator named it
	 * @param field the field path such as {@code api.sdkappid} or {@code recipients.to[1]}, or {@code null} when
	 * the problem concerns the whole file
	 * @param reason what is wrong, for an operator
	 */
	public InvalidJobDefinitionException(Path file, String field, String reason) {
		this(file, field, reason, null);
	}

	public InvalidJobDefinitionException(Path file, String field, String reason, Throwable cause) {
		super(format(file, field, reason), cause);
		this.file = Objects.requireNonNull(file, "file");
		this.field = field;
		this.reason = oneLine(reason);
	}

	/** The job file as the operator named it. */
	public Path file() {
		return this.file;
	}

	/** The field path such as {@code api.sdkappid}, or {@code null} for a problem with the whole file. */
	public String field() {
		return this.field;
	}

	/** What is wrong, without file and field. */
	public String reason() {
		return this.reason;
	}

	private static String format(Path file, String field, String reason) {
		StringBuilder message = new StringBuilder().append(file).append(": ");
		if (field != null && !field.isEmpty()) {
			message.append(field).append(": ");
		}
		return message.append(oneLine(reason)).toString();
	}

	/** Messages are printed as one line per file, whatever a parser put in them. */
	private static String oneLine(String text) {
		return (text != null) ? text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ") : "invalid";
	}

}
