package io.pushloss.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
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
	 * An application property as the application would see it, without starting it: the command's own properties
	 * (a test's), then a system property, then the environment variable ({@code spring.datasource.url} is
	 * {@code SPRING_DATASOURCE_URL}); {@code null} when unset or blank.
	 * @param properties properties the command passes to the application (they win over everything else)
	 * @param environment the command's environment variables
	 */
	static UnaryOperator<String> properties(Map<String, Object> properties, UnaryOperator<String> environment) {
		return (name) -> {
			Object own = properties.get(name);
			if (own != null) {
				return own.toString();
			}
			String value = System.getProperty(name);
			if (value != null && !value.isBlank()) {
				return value;
			}
			value = environment.apply(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
			return (value != null && !value.isBlank()) ? value : null;
		};
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
