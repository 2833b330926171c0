package io.pushloss.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

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
	 * Leaves the components that only {@code serve} uses out of the component scan: the {@code scheduling} module
	 * (Quartz, serve's health) and the {@code console} module (pages, API and their security), which needs the
	 * scheduler.
	 */
	static final class WithoutScheduler extends TypeExcludeFilter {

		private static final List<String> SERVE_ONLY = List.of("io.pushloss.scheduling.", "io.pushloss.console.");

		@Override
		public boolean match(MetadataReader metadataReader, MetadataReaderFactory metadataReaderFactory) {
			String name = metadataReader.getClassMetadata().getClassName();
			return SERVE_ONLY.stream().anyMatch(name::startsWith);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof WithoutScheduler;
		}

		@Override
		public int hashCode() {
			return WithoutScheduler.class.hashCode();
		}

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
		return start(dataDir, clock, environment, properties, web, false);
	}

	private static ConfigurableApplicationContext start(Path dataDir, Clock clock, UnaryOperator<String> environment,
			Map<String, Object> properties, boolean web, boolean withoutScheduler) {
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
			.initializers((context) -> {
				context.getBeanFactory().registerSingleton("clock", clock);
				if (withoutScheduler) {
					// @SpringBootApplication's component scan asks every TypeExcludeFilter bean
					context.getBeanFactory().registerSingleton("withoutScheduler", new WithoutScheduler());
				}
			});
		// As command-line arguments: they win over application.yml and the environment, as --data-dir should.
		return builder.run(defaults.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new));
	}

	/**
	 * Starts the application for a command that runs jobs in the foreground ({@code run}, {@code backfill},
	 * {@code restart}): what {@link #start} starts, without what only {@code serve} uses. Left out are the
	 * scheduler (Quartz and the {@code scheduling} module), the actuator with its health, metrics and observation
	 * infrastructure, and Thymeleaf's web templates (the email's templates have their own engine); and Flyway when
	 * the database already has every migration of this program (see {@link SchemaCheck}), so that an up-to-date
	 * database is not scanned and validated on every run. A new or older database is migrated as before.
	 * @param property an application property as the application would see it ({@code spring.datasource.url}, ...)
	 */
	static ConfigurableApplicationContext startForJobs(Path dataDir, Clock clock, UnaryOperator<String> environment,
			UnaryOperator<String> property, Map<String, Object> properties) {
		Map<String, Object> lean = new LinkedHashMap<>();
		lean.put("spring.autoconfigure.exclude", String.join(",", serveOnlyAutoConfigurations()));
		lean.putAll(properties);
		// held open until the context has opened the database too: H2 then opens its file once
		try (SchemaCheck schema = SchemaCheck.of(dataDir, property)) {
			if (schema.current()) {
				lean.put("spring.flyway.enabled", "false");
			}
			return start(dataDir, clock, environment, lean, false, true);
		}
	}

	/** Packages of auto-configurations that only {@code serve} uses: actuator, health, metrics, Quartz, web. */
	static final List<String> SERVE_ONLY_PACKAGES = List.of("org.springframework.boot.actuate.",
			"org.springframework.boot.health.", "org.springframework.boot.micrometer.",
			"org.springframework.boot.batch.autoconfigure.observation.", "org.springframework.boot.jdbc.autoconfigure.health.",
			"org.springframework.boot.jdbc.autoconfigure.metrics.", "org.springframework.boot.quartz.",
			"org.springframework.boot.thymeleaf.", "org.springframework.boot.http.converter.",
			"org.springframework.boot.servlet.", "org.springframework.boot.webmvc.", "org.springframework.boot.tomcat.",
			"org.springframework.boot.security.", "org.springdoc.");

	/** The auto-configurations on the class path in {@link #SERVE_ONLY_PACKAGES}. */
	static List<String> serveOnlyAutoConfigurations() {
		List<String> names = new ArrayList<>();
		for (String name : ImportCandidates.load(AutoConfiguration.class, ReportContexts.class.getClassLoader())) {
			if (SERVE_ONLY_PACKAGES.stream().anyMatch(name::startsWith)) {
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * Whether the database is the embedded H2 file of the data directory: no {@code spring.datasource.url} in the
	 * application's settings ({@code SPRING_DATASOURCE_URL}, a system property, a configuration file, the command's
	 * properties).
	 * @param settings the application's settings as it will see them ({@link EnvironmentVariables#properties})
	 */
	static boolean embedded(UnaryOperator<String> settings) {
		return settings.apply("spring.datasource.url") == null;
	}

	/** Whether the data directory holds a database yet (so that read-only commands create nothing). */
	static boolean hasDatabase(Path dataDir) {
		return dataDir.resolve("db").resolve("pushloss.mv.db").toFile().isFile();
	}

}
