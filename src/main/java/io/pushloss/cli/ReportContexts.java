package io.pushloss.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.pushloss.PushLossReportApplication;

/**
 * Starts the Spring application behind the commands that need the store, the job repository and delivery. Only
 * {@code serve} starts a web server (the console on {@code server.port}, the actuator on the management port); the
 * others run without one.
 */
final class ReportContexts {

	private ReportContexts() {
	}

	/**
	 * Starts the application for a data directory.
	 * @param dataDir the data directory (created with its database when missing)
	 * @param clock the clock the run uses (fixed for reproducible samples)
	 * @param environment the command's environment variables (the process's own, or a test's)
	 * @param properties further properties, which win over application.yml
	 * @param web whether to start the web server (the actuator)
	 */
	static ConfigurableApplicationContext start(Path dataDir, Clock clock, UnaryOperator<String> environment,
			Map<String, Object> properties, boolean web) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("pushloss.data-dir", dataDir.toAbsolutePath().normalize().toString());
		// the commands always log into their data directory, whatever a classpath configuration says
		defaults.put("logging.file.name",
				dataDir.toAbsolutePath().normalize().resolve("logs").resolve("push-loss-report.log").toString());
		// application.yml says none, so that only serve (and tests that ask) start a web server
		defaults.put("spring.main.web-application-type", web ? "servlet" : "none");
		defaults.putAll(properties);
		SpringApplicationBuilder builder = new SpringApplicationBuilder(PushLossReportApplication.class)
			.web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
			.logStartupInfo(false)
			.registerShutdownHook(true)
			.listeners(new EnvironmentVariables(environment))
			.initializers((context) -> context.getBeanFactory().registerSingleton("clock", clock));
		// As command-line arguments: they win over application.yml and the environment, as --data-dir should.
		return builder.run(defaults.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new));
	}

	/**
	 * Whether the database is the embedded H2 file of the data directory: no {@code spring.datasource.url} in the
	 * environment ({@code SPRING_DATASOURCE_URL}), the system properties or the given properties.
	 */
	static boolean embedded(UnaryOperator<String> environment, Map<String, Object> properties) {
		String url = environment.apply("SPRING_DATASOURCE_URL");
		if (url == null || url.isBlank()) {
			url = System.getProperty("spring.datasource.url");
		}
		if (url == null || url.isBlank()) {
			Object property = properties.get("spring.datasource.url");
			url = (property != null) ? property.toString() : null;
		}
		return url == null || url.isBlank();
	}

	/** Whether the data directory holds a database yet (so that read-only commands create nothing). */
	static boolean hasDatabase(Path dataDir) {
		return dataDir.resolve("db").resolve("pushloss.mv.db").toFile().isFile();
	}

}
