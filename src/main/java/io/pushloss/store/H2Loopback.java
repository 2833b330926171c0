package io.pushloss.store;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Makes H2's automatic mixed mode listen on the loopback interface only.
 * <p>
 * The database URL uses {@code AUTO_SERVER=TRUE} so that a second process ({@code runs} or {@code restart} while
 * {@code serve} is running) can open the same database file: the first process opens it and starts a small TCP
 * server, the others connect through it. By default that server listens on every interface, which would expose a
 * password-less database to the network. H2 reads {@code h2.bindAddress} once, when its first class is loaded, so
 * the property is set here, while Spring prepares the environment and before anything opens the database.
 */
public final class H2Loopback implements EnvironmentPostProcessor {

	static final String BIND_ADDRESS = "h2.bindAddress";

	static final String LOOPBACK = "127.0.0.1";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		apply();
	}

	/** Sets {@code h2.bindAddress} to 127.0.0.1 unless the operator set it. */
	public static void apply() {
		if (System.getProperty(BIND_ADDRESS) == null) {
			System.setProperty(BIND_ADDRESS, LOOPBACK);
		}
	}

}
