package io.pushloss.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

import io.pushloss.jobdef.InvalidJobDefinitionException;
import io.pushloss.jobdef.JobDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "validate", sortOptions = false,
		description = { "Check job files without running anything: prints `OK <file> (<job name>)` for each good "
				+ "file, and lines naming the file, field and problem for each bad one: the first problem of a file "
				+ "that is not a valid job (mend it and validate again for the next), every problem below of one "
				+ "that is.",
				"Also checks what run would refuse or fail on in this environment: the secret-key variable, the "
						+ "SMTP settings of a job that emails, and that the archive folder can be written.",
				"Exits 2 if any file is invalid or not ready." })
final class ValidateCommand implements Callable<Integer> {

	private final CliEnvironment environment;

	@Parameters(arity = "1..*", paramLabel = "JOB_FILE", description = "The job files to check.")
	List<Path> jobFiles;

	@Mixin
	DataDirOption dataDir;

	@Mixin
	HelpOption help;

	ValidateCommand(CliEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public Integer call() {
		CommandOutput output = this.environment.output();
		int exitCode = ReportOperations.SUCCESS;
		UnaryOperator<String> settings = EnvironmentVariables.properties(Map.of(), this.environment.environment());
		for (Path file : this.jobFiles) {
			try {
				JobDefinition job = JobFiles.load(file);
				List<String> problems = JobReadiness.problems(job, this.dataDir.checked(),
						this.environment.environment(), settings);
				if (problems.isEmpty()) {
					output.out().println("OK " + file + " (" + job.name() + ")");
				}
				else {
					problems.forEach(output.err()::println);
					exitCode = ReportOperations.INVALID_INPUT;
				}
			}
			catch (InvalidJobDefinitionException ex) {
				output.err().println(ex.getMessage());
				exitCode = ReportOperations.INVALID_INPUT;
			}
		}
		return exitCode;
	}

}
