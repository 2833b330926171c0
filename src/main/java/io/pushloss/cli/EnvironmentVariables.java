package io.pushloss.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Puts the command's environment variables ({@link CliEnvironment#environment()}) into the application's
 * environment, just above the process's own, before anything reads it (logging, configuration, the job's secret key
 * variable). In the real process they are the same variables; a test's fake environment reaches the application
 * this way. Properties are found under their environment variable names as for real variables:
 * {@code pushloss.api.calls-per-second} in {@code PUSHLOSS_API_CALLS_PER_SECOND}.
 */
final class EnvironmentVariables implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	static final String SOURCE_NAME = "cliEnvironment";

	private final UnaryOperator<String> environment;

	EnvironmentVariables(UnaryOperator<String> environment) {
		this.environment = environment;
	}

	/**
	 * The application's settings as the application will see them, without starting it: the command's own
	 * properties (they win, as the command passes them as arguments), system properties, the command's environment
	 * variables ({@code spring.datasource.url} in {@code SPRING_DATASOURCE_URL}), the process's, and the
	 * configuration files Spring Boot reads besides the jar's ({@code application.yml} in {@code ./config/} or
	 * {@code ./}, {@code spring.config.*}). They are read on the first lookup, once. A lookup answers {@code null}
	 * when unset or blank.
	 * @param properties properties the command passes to the application
	 * @param environment the command's environment variables
	 */
	static UnaryOperator<String> properties(Map<String, Object> properties, UnaryOperator<String> environment) {
		return new UnaryOperator<>() {

			private ConfigurableEnvironment settings;

			@Override
			public String apply(String name) {
				if (this.settings == null) {
					this.settings = settings(properties, environment);
				}
				String value = this.settings.getProperty(name);
				return (value != null && !value.isBlank()) ? value : null;
			}

		};
	}

	private static ConfigurableEnvironment settings(Map<String, Object> properties,
			UnaryOperator<String> environment) {
		StandardEnvironment settings = new StandardEnvironment();
		MutablePropertySources sources = settings.getPropertySources();
		sources.addBefore(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new Variables(environment));
		sources.addFirst(new MapPropertySource("commandProperties", Map.copyOf(properties)));
		if (externalConfiguration(settings)) {
			ConfigDataEnvironmentPostProcessor.applyTo(settings);
		}
		return settings;
	}

	/**
	 * Whether Spring Boot would read configuration beyond the jar's own {@code application.yml}: a file it looks for
	 * in the working directory ({@code application.*}, a {@code config/} folder), or a location, import or profile
	 * named in the settings. Only then are the files read (a few hundred milliseconds of a short command): the jar's
	 * own file sets none of the settings the commands check before starting (mail, database URL, archive folder;
	 * its ports are {@link FailureLine}'s defaults).
	 */
	private static boolean externalConfiguration(ConfigurableEnvironment settings) {
		for (String name : List.of("spring.config.location", "spring.config.additional-location",
				"spring.config.import", "spring.profiles.active")) {
			if (settings.getProperty(name) != null) {
				return true;
			}
		}
		return Files.exists(Path.of("config")) || Files.exists(Path.of("application.yml"))
				|| Files.exists(Path.of("application.yaml")) || Files.exists(Path.of("application.properties"));
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		MutablePropertySources sources = event.getEnvironment().getPropertySources();
		Variables source = new Variables(this.environment);
		if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
			sources.addBefore(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
		}
		else {
			sources.addLast(source);
		}
	}

	@Override
	public int getOrder() {
		// before the configuration files are read and logging is set up
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/**
	 * Variables looked up one by one, never listed (a lookup function cannot list them), by the property's name
	 * and by its variable names: dots and dashes as underscores, also upper-cased.
	 */
	static final class Variables extends PropertySource<UnaryOperator<String>> {

		Variables(UnaryOperator<String> environment) {
			super(SOURCE_NAME, environment);
		}

		@Override
		public Object getProperty(String name) {
			for (String candidate : candidates(name)) {
				String value = getSource().apply(candidate);
				if (value != null) {
					return value;
				}
			}
			return null;
		}

		private static Set<String> candidates(String name) {
			Set<String> names = new LinkedHashSet<>();
			for (String variant : List.of(name, name.replace('.', '_'), name.replace('-', '_'),
					name.replace('.', '_').replace('-', '_'))) {
				names.add(variant);
				names.add(variant.toUpperCase(Locale.ROOT));
			}
			return names;
		}

	}

}
