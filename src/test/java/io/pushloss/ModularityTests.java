package io.pushloss;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The house's structure, verified: every direct sub-package of {@code io.pushloss} is a module; no cycles between
 * modules, no module reaching into another's internals, and no module depending on more than half of the others.
 * Also writes the generated module diagrams into {@code doc/modules/}.
 */
class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(PushLossReportApplication.class);

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersPublicInterfaces() {
		MODULES.verify();
	}

	@Test
	void aCycleBetweenModulesFailsTheVerification() {
		// the fixture lives among the test classes, which are not imported by default
		ApplicationModules cyclic = ApplicationModules.of(fixture.cyclic.Application.class, (location) -> true);

		assertThatExceptionOfType(Violations.class).isThrownBy(cyclic::verify)
			.withMessageContaining("Cycle detected")
			.withMessageContaining("orders")
			.withMessageContaining("invoices");
	}

	@Test
	void noModuleDependsOnMoreThanHalfOfTheOthers() {
		int others = (int) MODULES.stream().count() - 1;
		Map<String, Long> dependencies = MODULES.stream()
			// the command line is the program's entry point: its commands front the job, the runs, the scheduler and
			// the developer tools (simulate, usersig) alike
			.filter((module) -> !module.getName().equals("cli"))
			.collect(Collectors.toMap(ApplicationModule::getName, ModularityTests::dependencyCount, Long::sum,
					TreeMap::new));
		assertThat(dependencies).allSatisfy((module, count) -> assertThat(count)
			.as("modules %s depends on (of %d others)", module, others)
			.isLessThanOrEqualTo(others / 2));
	}

	@Test
	void writesTheModuleDiagramsIntoTheDocumentation() throws IOException {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("doc/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		sortRelations(Path.of("doc/modules"));
	}

	/**
	 * The Documenter writes a diagram's relations in the order it meets them, which varies from run to run: sort
	 * them so that an unchanged structure leaves the committed diagrams unchanged.
	 */
	private static void sortRelations(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".puml")).toList()) {
				List<String> lines = Files.readAllLines(file);
				List<String> relations = lines.stream().filter((line) -> line.startsWith("Rel(")).sorted().toList();
				List<String> sorted = new ArrayList<>();
				Iterator<String> next = relations.iterator();
				for (String line : lines) {
					sorted.add(line.startsWith("Rel(") ? next.next() : line);
				}
				Files.write(file, sorted);
			}
		}
	}

	private static long dependencyCount(ApplicationModule module) {
		return module.getDirectDependencies(MODULES).uniqueModules().filter((other) -> !other.equals(module)).count();
	}

}
