package io.pushloss.cli;

import java.util.concurrent.Callable;

import io.pushloss.api.UserSig;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.simulator.PushLossSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "usersig", sortOptions = false,
		description = { "Print a fresh UserSig for the job's administrator identifier, e.g. to call the REST API "
				+ "by hand with curl.",
				// no dotted name such as api.secret-key-env: picocli may break a line after its '.'
				"The secret key is read from the environment variable the job file names in secret-key-env (under "
						+ "api); a simulator job whose variable is unset uses the simulator's public demo key. Only the UserSig goes to "
						+ "standard output." })
final class UserSigCommand implements Callable<Integer> {

	private final CliEnvironment environment;

	@Spec
	CommandSpec spec;

	@Mixin
	JobFileParameter jobFile;

	@Option(names = "--expire", paramLabel = "SECONDS", defaultValue = "86400",
			description = "Lifetime of the UserSig in seconds (default: ${DEFAULT-VALUE}, one day).")
	long expireSeconds;

	@Mixin
	HelpOption help;

	UserSigCommand(CliEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public Integer call() {
		if (this.expireSeconds <= 0) {
			throw new ParameterException(this.spec.commandLine(),
					"--expire " + this.expireSeconds + " must be a positive number of seconds");
		}
		JobDefinition job = this.jobFile.load();
		UserSig userSig = new UserSig(secretKey(job), this.environment.clock());
		this.environment.output()
			.out()
			.println(userSig.generate(job.api().sdkAppId(), job.api().identifier(), this.expireSeconds));
		return ReportOperations.SUCCESS;
	}

	private String secretKey(JobDefinition job) {
		String variable = job.api().secretKeyEnv();
		String key = this.environment.environment().apply(variable);
		if (key != null && !key.isBlank()) {
			return key;
		}
		if (job.api().simulator()) {
			this.environment.output()
				.err()
				.println(variable + " is not set; signing with the simulator's public demo key");
			return PushLossSimulator.DEMO_SECRET_KEY;
		}
		throw new InvalidInputException(job.file() + ": environment variable " + variable
				+ " (api.secret-key-env) is not set; export the application's secret key in it");
	}

}
