package io.pushloss;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import io.pushloss.api.ApiClientSettings;
import io.pushloss.cli.CliEnvironment;
import io.pushloss.ingest.VendorApiProvider;
import io.pushloss.simulator.SimulatorSettings;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Rules of the house that the compiler does not check: one clock, no mutable statics, one logging API.
 */
class ArchitectureRulesTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.pushloss");

	@Test
	void businessTimeComesFromTheOneInjectedClock() {
		ArchRule rule = noClasses().that()
			// the clock is made in one place (the CLI's, with -Dpushloss.now; the default bean of contexts that the CLI
			// did not start); the standalone simulator keeps its own, and the embedded one ticks from the
			// application's now (its frequency limit needs time to pass); a client's settings made without a clock
			// (a client on its own) default to the system's, the application always gives its own
			.doNotBelongToAnyOf(CliEnvironment.class, SimulatorSettings.class, VendorApiProvider.class,
					ApiClientSettings.class)
			.and()
			.doNotHaveFullyQualifiedName("io.pushloss.job.JobInfrastructureConfiguration")
			.should()
			.callMethod(Instant.class, "now")
			.orShould()
			.callMethod(LocalDate.class, "now")
			.orShould()
			.callMethod(LocalDateTime.class, "now")
			.orShould()
			.callMethod(ZonedDateTime.class, "now")
			.orShould()
			.callMethod(System.class, "currentTimeMillis")
			.orShould()
			.callMethod(Clock.class, "systemUTC")
			.orShould()
			.callMethod(Clock.class, "systemDefaultZone")
			.because("time is read from the one Clock bean, so that -Dpushloss.now and the tests' clocks hold "
					+ "everywhere");
		rule.check(MAIN);
	}

	@Test
	void noClassKeepsMutableStaticState() {
		fields().that()
			.areStatic()
			.and()
			.areDeclaredInClassesThat()
			.resideInAPackage("io.pushloss..")
			.should()
			.haveModifier(JavaModifier.FINAL)
			.because("state belongs to the application context, not to the JVM")
			.check(MAIN);
	}

	@Test
	void everyClassLogsThroughSlf4j() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.commons.logging..", "java.util.logging..")
			.check(MAIN);
	}

}
