package io.pushloss.cli;

import java.lang.reflect.Constructor;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Creates the commands with the {@link CliEnvironment} they need (constructor injection), everything else
 * (mixins, converters) with picocli's default factory.
 */
final class CommandFactory implements IFactory {

	private final CliEnvironment environment;

	CommandFactory(CliEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public <K> K create(Class<K> type) throws Exception {
		Constructor<K> withEnvironment;
		try {
			withEnvironment = type.getDeclaredConstructor(CliEnvironment.class);
		}
		catch (NoSuchMethodException ex) {
			return CommandLine.defaultFactory().create(type);
		}
		return withEnvironment.newInstance(this.environment);
	}

}
