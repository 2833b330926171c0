package io.pushloss.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.FileSystemUtils;

/**
 * One {@link ConsoleServer} for the tests of a class, serving one job: started before them in a temporary folder of
 * its own, closed after them (before its folder is deleted). A test class registers it as a static field:
 * {@code @RegisterExtension static final ConsoleServerExtension console = new ConsoleServerExtension("job-name");}.
 */
final class ConsoleServerExtension implements BeforeAllCallback, AfterAllCallback {

	private final String job;

	private Path dir;

	private ConsoleServer server;

	private MockMvc mvc;

	ConsoleServerExtension(String job) {
		this.job = job;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		this.dir = Files.createTempDirectory("console-" + this.job + "-");
		this.server = ConsoleServer.start(this.dir, this.job, Map.of());
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		try {
			if (this.server != null) {
				this.server.close();
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(this.dir);
		}
	}

	/** The server, once started. */
	ConsoleServer server() {
		return this.server;
	}

	/** MockMvc over the server's own filter chains ({@link ConsoleServer#mvc()}), made once. */
	MockMvc mvc() {
		if (this.mvc == null) {
			this.mvc = this.server.mvc();
		}
		return this.mvc;
	}

}
