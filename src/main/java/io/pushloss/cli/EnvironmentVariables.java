package io.pushloss.cli;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Puts the command's environment variables ({@link CliEnvironment#environment()}) into the application's
 * environment, just above the process's own, before anything reads it (logging, configuration, the job's secret key
 * variable). In the real process they are the same variables; a test's fake environment reaches the application
 * this way. Relaxed names work as for real variables ({@code PUSHLOSS_API_CALLS_PER_SECOND}).
 */
final class EnvironmentVariables implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	static final String SOURCE_NAME = "cli-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

	private final UnaryOperator<String> environment;

	EnvironmentVariables(UnaryOperator<String> environment) {
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		MutablePropertySources sources = event.getEnvironment().getPropertySources();
		SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(SOURCE_NAME,
				new Lookup(this.environment));
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

	/** Variables looked up one by one, never listed (a lookup function cannot list them). */
	private static final class Lookup extends AbstractMap<String, Object> {

		private final UnaryOperator<String> environment;

		Lookup(UnaryOperator<String> environment) {
			this.environment = environment;
		}

		@Override
		public Object get(Object key) {
			return (key instanceof String name) ? this.environment.apply(name) : null;
		}

		@Override
		public boolean containsKey(Object key) {
			return get(key) != null;
		}

		@Override
		public Set<Map.Entry<String, Object>> entrySet() {
			return Set.of();
		}

	}

}
