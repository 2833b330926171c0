package io.pushloss.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.pushloss.jobdef.JobDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "serve", sortOptions = false,
		description = { "Run the scheduler: each job runs on its schedule (in its zone) for the week that just "
				+ "ended, until stopped with Ctrl-C or SIGTERM.",
				"Without JOB_FILE, every *.yml file in the jobs folder of the working directory is served." })
final class ServeCommand implements Callable<Integer> {

	private final CliEnvironment environment;

	@Parameters(arity = "0..*", paramLabel = "JOB_FILE",
			description = "The job files to schedule (default: every *.yml file in the jobs folder of the working "
					+ "directory); job names must differ.")
	List<Path> jobFiles = new ArrayList<>();

	@Mixin
	DataDirOption dataDir;

	@Mixin
	HelpOption help;

	ServeCommand(CliEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public Integer call() {
		List<Path> files = this.jobFiles.isEmpty() ? discover(this.environment.jobsDirectory()) : this.jobFiles;
		List<JobDefinition> jobs = new ArrayList<>();
		Map<String, Path> names = new HashMap<>();
		for (Path file : files) {
			JobDefinition job = JobFiles.load(file);
			Path other = names.putIfAbsent(job.name(), file);
			if (other != null) {
				throw new InvalidInputException(
						other + " and " + file + " both define job '" + job.name() + "'; job names must differ");
			}
			jobs.add(job);
		}
		Path data = this.dataDir.checked();
		return this.environment.operations()
			.serve(new ReportOperations.ServeRequest(jobs, data), this.environment.output());
	}

	private static List<Path> discover(Path directory) {
		List<Path> files = new ArrayList<>();
		if (Files.isDirectory(directory)) {
			try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.yml")) {
				stream.forEach(files::add);
			}
			catch (IOException ex) {
				throw new InvalidInputException("cannot list " + directory + ": " + ex.getMessage());
			}
		}
		if (files.isEmpty()) {
			throw new InvalidInputException("serve: no job files given and no *.yml in "
					+ directory.toAbsolutePath().normalize() + (Files.isDirectory(directory) ? "" : " (no such folder)")
					+ "; name the job files, e.g. serve jobs/weekly-push-loss.yml, or run it where jobs/ holds them");
		}
		files.sort(null);
		return files;
	}

}
