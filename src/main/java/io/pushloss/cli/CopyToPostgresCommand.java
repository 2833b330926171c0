package io.pushloss.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code copy-to-postgres}: moving up from the embedded H2 database to PostgreSQL. */
@Command(name = "copy-to-postgres", sortOptions = false,
		description = { "Copy the store of record, the delivery ledger and the run history of an H2 data directory "
				+ "into the PostgreSQL database named by SPRING_DATASOURCE_URL (with SPRING_DATASOURCE_USERNAME and "
				+ "SPRING_DATASOURCE_PASSWORD), so that no week is fetched or emailed again there.",
				"Creates the PostgreSQL tables when missing, refuses a database that holds rows unless --replace, "
						+ "copies in one transaction and prints the rows of each table on both sides. Stop serve "
						+ "on the data directory first; the H2 file is only read." })
final class CopyToPostgresCommand implements Callable<Integer> {

	private final CliEnvironment environment;

	@Option(names = "--replace",
			description = "Delete what the PostgreSQL database holds in those tables before copying.")
	boolean replace;

	@Mixin
	DataDirOption dataDir;

	@Mixin
	HelpOption help;

	CopyToPostgresCommand(CliEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public Integer call() {
		return this.environment.operations()
			.copyToPostgres(new ReportOperations.CopyRequest(this.dataDir.checked(), this.replace),
					this.environment.output());
	}

}
