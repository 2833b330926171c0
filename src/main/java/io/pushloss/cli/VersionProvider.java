package io.pushloss.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the jar's Implementation-Version, written by the build into the manifest. */
final class VersionProvider implements IVersionProvider {

	@Override
	public String[] getVersion() {
		String version = Main.class.getPackage().getImplementationVersion();
		return new String[] { "push-loss-report " + ((version != null) ? version : "(development build)"),
				"Java " + Runtime.version() };
	}

}
