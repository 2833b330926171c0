package io.pushloss.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.web.server.PortInUseException;

/**
 * The one line a command prints when the application could not start or a command failed outside a run: what is
 * wrong, named the way the operator configures it (the port and its setting, the property and its environment
 * variable, the database URL, the file), instead of the innermost exception's bare message ("Address already in
 * use", {@code For input string: "abc"}, "Connection refused", a path alone). Stack traces stay in the log file.
 */
final class FailureLine {

	/** The console's port unless {@code server.port} says otherwise. */
	static final int CONSOLE_PORT = 8080;

	/** The actuator's port unless {@code pushloss.serve.management-port} says otherwise. */
	static final int MANAGEMENT_PORT = 9090;

	private final UnaryOperator<String> property;

	/**
	 * @param property an application property as the application would see it ({@code server.port},
	 * {@code spring.datasource.url}, ...), {@code null} when unset
	 */
	FailureLine(UnaryOperator<String> property) {
		this.property = property;
	}

	/** The failure as one line, without the command's prefix. */
	String describe(Throwable failure) {
		List<Throwable> chain = chain(failure);
		for (Throwable cause : chain) {
			if (cause instanceof PortInUseException portInUse) {
				return portInUse(portInUse.getPort());
			}
		}
		for (Throwable cause : chain) {
			if (cause instanceof BindException bind) {
				return setting(bind);
			}
		}
		for (Throwable cause : chain) {
			if (cause instanceof SQLException sql && unreachable(sql)) {
				return database(sql);
			}
		}
		Throwable root = chain.get(chain.size() - 1);
		if (root instanceof FileSystemException file) {
			return file(chain, file);
		}
		return innermostMessage(chain);
	}

	private String portInUse(int port) {
		int management = port(this.property.apply("pushloss.serve.management-port"), MANAGEMENT_PORT);
		if (port == management && port != port(this.property.apply("server.port"), CONSOLE_PORT)) {
			return "port " + port + " (health and metrics, pushloss.serve.management-port, "
					+ "PUSHLOSS_SERVE_MANAGEMENT_PORT) is already in use: stop what listens on it, or choose another "
					+ "port (0: any free port, -1: none)";
		}
		return "port " + port + " (the console, server.port, SERVER_PORT) is already in use: stop what listens on "
				+ "it (another serve?), or choose another port with SERVER_PORT";
	}

	private static int port(String value, int otherwise) {
		try {
			return (value != null) ? Integer.parseInt(value.strip()) : otherwise;
		}
		catch (NumberFormatException ex) {
			return otherwise;
		}
	}

	/**
	 * A setting that could not be bound: the property, its environment variable and its value, and why; or, when
	 * the settings' record refused their combination, the prefix and the record's reason.
	 */
	private static String setting(BindException bind) {
		List<Throwable> causes = chain(bind);
		boolean notANumber = causes.stream().anyMatch(NumberFormatException.class::isInstance);
		String reason = notANumber ? "not a number" : innermostMessage(causes.subList(1, causes.size()));
		ConfigurationProperty property = bind.getProperty();
		if (property == null) {
			return "invalid settings under " + bind.getName() + ": " + reason;
		}
		String name = property.getName().toString();
		String variable = name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
		String value = (property.getValue() != null) ? " = \"" + property.getValue() + "\"" : "";
		return "invalid setting " + name + " (" + variable + ")" + value + ": " + reason;
	}

	/**
	 * Whether the database could not be reached or logged into: SQLState classes 08 (connection), 28 (authorization)
	 * and 3D (no such database), and "No suitable driver" (a URL of another database).
	 */
	private static boolean unreachable(SQLException sql) {
		String state = (sql.getSQLState() != null) ? sql.getSQLState() : "";
		return state.startsWith("08") || state.startsWith("28") || state.startsWith("3D")
				|| String.valueOf(sql.getMessage()).startsWith("No suitable driver");
	}

	private String database(SQLException sql) {
		String url = this.property.apply("spring.datasource.url");
		String where = (url != null) ? url + " (SPRING_DATASOURCE_URL)" : "the embedded database";
		return "cannot open the database " + where + ": " + innermostMessage(chain(sql));
	}

	/**
	 * A file-system failure: the message of the nearest wrapper that says what was being done (it names the file),
	 * else the file, and what the operating system said.
	 */
	private static String file(List<Throwable> chain, FileSystemException file) {
		String reason = reason(file);
		for (int i = chain.size() - 2; i >= 0; i--) {
			String message = chain.get(i).getMessage();
			if (message != null && !message.equals(file.toString()) && !message.equals(file.getMessage())) {
				return message.endsWith(reason) ? message : message + " (" + reason + ")";
			}
		}
		String path = (file.getOtherFile() != null) ? file.getFile() + " -> " + file.getOtherFile() : file.getFile();
		return path + ": " + reason;
	}

	private static String reason(FileSystemException file) {
		if (file.getReason() != null) {
			return file.getReason();
		}
		if (file instanceof NoSuchFileException) {
			return "no such file or folder";
		}
		if (file instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (file instanceof NotDirectoryException) {
			return "not a folder";
		}
		if (file instanceof FileAlreadyExistsException) {
			return "already exists";
		}
		return file.getClass().getSimpleName();
	}

	/** The innermost message: start-up failures wrap the useful one in several layers. */
	static String innermostMessage(List<Throwable> chain) {
		String message = null;
		for (Throwable cause : chain) {
			if (cause.getMessage() != null) {
				message = cause.getMessage();
			}
		}
		return (message != null) ? message
				: chain.isEmpty() ? "unknown error" : chain.get(chain.size() - 1).getClass().getSimpleName();
	}

	/** The failure and its causes, outermost first. */
	static List<Throwable> chain(Throwable failure) {
		List<Throwable> chain = new ArrayList<>();
		for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
			chain.add(cause);
		}
		return chain;
	}

}
