package io.pushloss.cli;

import java.io.PrintWriter;

import io.pushloss.jobdef.InvalidJobDefinitionException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Entry point of {@code push-loss-report.jar}: the {@code push-loss-report} command and its subcommands.
 * <p>
 * Exit codes: {@code 0} success, {@code 1} the run failed, {@code 2} invalid input (bad job file, bad week, bad
 * option), reported as one line on standard error, never a stack trace.
 */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) {
		CliLogging.quiet();
		System.exit(execute(args));
	}

	/** Runs the command line against the real process environment; returns the exit code. */
	public static int execute(String... args) {
		return execute(CliEnvironment.system(), args);
	}

	/** Runs the command line against a given environment (fixed clock, fake variables, captured output). */
	public static int execute(CliEnvironment environment, String... args) {
		int exitCode = commandLine(environment).execute(args);
		environment.output().out().flush();
		environment.output().err().flush();
		return exitCode;
	}

	static CommandLine commandLine(CliEnvironment environment) {
		CommandOutput output = environment.output();
		CommandLine commandLine = new CommandLine(PushLossReportCommand.class, new CommandFactory(environment));
		commandLine.setOut(output.out());
		commandLine.setErr(output.err());
		commandLine.setParameterExceptionHandler(parameterErrors(output.err()));
		commandLine.setExecutionExceptionHandler(executionErrors(output.err()));
		return commandLine;
	}

	/** A malformed command line: one line and where to get help. */
	private static IParameterExceptionHandler parameterErrors(PrintWriter err) {
		return (ex, args) -> {
			CommandSpec spec = ex.getCommandLine().getCommandSpec();
			err.println(spec.qualifiedName() + ": " + oneLine(ex.getMessage()));
			err.println("Try '" + spec.qualifiedName() + " --help' for usage.");
			return spec.exitCodeOnInvalidInput();
		};
	}

	/**
	 * Failures inside a command: invalid input (a bad job file, a missing environment variable) is exit code 2,
	 * anything else means the run failed. Either way one line.
	 */
	private static IExecutionExceptionHandler executionErrors(PrintWriter err) {
		return (ex, commandLine, parseResult) -> {
			if (ex instanceof InvalidJobDefinitionException || ex instanceof InvalidInputException) {
				err.println(oneLine(ex.getMessage()));
				return ReportOperations.INVALID_INPUT;
			}
			String reason = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
			err.println(commandLine.getCommandSpec().qualifiedName() + ": failed: " + oneLine(reason));
			return ReportOperations.FAILED;
		};
	}

	private static String oneLine(String text) {
		return (text != null) ? text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ") : "";
	}

}
