package io.pushloss.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import io.pushloss.api.ApiClientSettings;
import io.pushloss.api.LossQuery;
import io.pushloss.api.PushLossClient;
import io.pushloss.api.UserSig;
import io.pushloss.domain.LossSource;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.simulator.PushLossSimulator;
import io.pushloss.simulator.SimulatorSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code startup-training DIR} (hidden): the training run of {@code bin/pushloss}'s class-data-sharing archive. In
 * one process it loads what the commands load when they start: every help text, a job file (as {@code validate}),
 * a UserSig, the whole application context on a new data directory under DIR (migrations included; no job
 * runs and nothing is called), the lighter context of {@code run} on the same directory, and the run history of that directory (as {@code runs}). Run with
 * {@code -XX:ArchiveClassesAtExit}, the JVM then writes every class it loaded into the archive. Writes only under
 * DIR; calls nothing outside the process.
 */
@Command(name = "startup-training", hidden = true,
		description = "Load the classes every command starts with, for a class-data-sharing archive (bin/pushloss).")
final class StartupTrainingCommand implements Callable<Integer> {

	private static final String JOB = """
			name: startup-training
			zone: Asia/Shanghai
			schedule: "0 0 9 ? * MON"
			api:
			  simulator: true
			  sdkappid: 1400000000
			  identifier: administrator
			  secret-key-env: PUSHLOSS_STARTUP_TRAINING_KEY
			sources: { normal: true, all-member-tasks: [spring-sale, app-update] }
			recipients: { to: [pm@example.com] }
			""";

	private final CliEnvironment environment;

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "DIR", description = "An empty working directory for the training.")
	Path dir;

	StartupTrainingCommand(CliEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public Integer call() {
		PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
		CommandLine root = this.spec.root().commandLine();
		root.usage(nowhere);
		root.getSubcommands().values().forEach((command) -> command.usage(nowhere));
		Path jobFile = write(this.dir.resolve("startup-training.yml"), JOB);
		JobDefinition job = JobFiles.load(jobFile);
		new UserSig(PushLossSimulator.DEMO_SECRET_KEY, this.environment.clock()).generate(job.api().sdkAppId(),
				job.api().identifier(), 60);
		Path dataDir = this.dir.resolve("data");
		try (ConfigurableApplicationContext context = ReportContexts.start(dataDir, this.environment.clock(),
				this.environment.environment(), Map.of("logging.config", SpringReportOperations.CLI_LOGGING,
						"logging.threshold.console", "ERROR"),
				false)) {
			context.getBeanFactory().getBeanDefinitionNames();
		}
		// the lighter context of run, backfill and restart on the database just migrated (Flyway skipped)
		UnaryOperator<String> variables = this.environment.environment();
		try (ConfigurableApplicationContext context = ReportContexts.startForJobs(dataDir, this.environment.clock(),
				variables, (name) -> variables.apply(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')),
				Map.of("logging.config", SpringReportOperations.CLI_LOGGING, "logging.threshold.console", "ERROR"))) {
			context.getBeanFactory().getBeanDefinitionNames();
		}
		// one call through the product's client to a simulator on loopback: the HTTP client, TLS set-up, signing,
		// rate limiting and answer parsing are what run loads between its context and its first call
		try (PushLossSimulator simulator = PushLossSimulator.start(SimulatorSettings.defaults()
			.withCallsPerSecond(Double.POSITIVE_INFINITY))) {
			long end = this.environment.clock().instant().getEpochSecond() / 86_400 * 86_400;
			new PushLossClient(ApiClientSettings.of(simulator.baseUrl(), job.api().sdkAppId(), job.api().identifier(),
					PushLossSimulator.DEMO_SECRET_KEY))
				.fetch(LossQuery.overall(LossSource.NORMAL, end - 86_400, end));
		}
		catch (RuntimeException ex) {
			// the classes are loaded whatever the answer; a training run never fails for it
		}
		CommandOutput quiet = new CommandOutput(nowhere, nowhere);
		return this.environment.operations()
			.runs(new ReportOperations.RunsRequest(null, false, dataDir, 1), quiet);
	}

	private static Path write(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			return Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

}
