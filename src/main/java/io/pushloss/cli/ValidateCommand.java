package io.pushloss.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.pushloss.jobdef.InvalidJobDefinitionException;
import io.pushloss.jobdef.JobDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "validate", sortOptions = false,
		description = { "Check job files without running anything: prints `OK <file> (<job name>)` for each good "
				+ "file and one line naming the file, field and problem for each bad one.",
				"Exits 2 if any file is invalid." })
final class ValidateCommand implements Callable<Integer> {

	private final CliEnvironment environment;

	@Parameters(arity = "1..*", paramLabel = "JOB_FILE", description = "The job files to check.")
	List<Path> jobFiles;

	@Mixin
	HelpOption help;

	ValidateCommand(CliEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public Integer call() {
		CommandOutput output = this.environment.output();
		int exitCode = ReportOperations.SUCCESS;
		for (Path file : this.jobFiles) {
			try {
				JobDefinition job = JobFiles.load(file);
				output.out().println("OK " + file + " (" + job.name() + ")");
			}
			catch (InvalidJobDefinitionException ex) {
				output.err().println(ex.getMessage());
				exitCode = ReportOperations.INVALID_INPUT;
			}
		}
		return exitCode;
	}

}
