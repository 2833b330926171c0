package io.pushloss.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.pushloss.api.UserSig;
import io.pushloss.simulator.PushLossSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class UserSigCommandTests {

	private static final String KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	private final CliHarness cli = new CliHarness();

	@TempDir
	Path dir;

	@Test
	void printsAUserSigSignedWithTheKeyFromTheNamedVariable() {
		this.cli.environment.put("TIM_SECRET_KEY", KEY);
		int exitCode = this.cli.execute("usersig", "jobs/weekly-push-loss.yml");
		assertThat(exitCode).isZero();
		String userSig = this.cli.out().strip();
		assertThat(new UserSig(KEY, this.cli.clock).verify(userSig, 1400000000L, "administrator"))
			.isEqualTo(UserSig.Verification.VALID);
		assertThat(UserSig.decode(userSig)).containsEntry("TLS.expire", "86400")
			.containsEntry("TLS.time", String.valueOf(CliHarness.WEDNESDAY_OF_W47.getEpochSecond()));
		assertThat(this.cli.out() + this.cli.err()).doesNotContain(KEY);
	}

	@Test
	void usesTheRequestedLifetime() {
		this.cli.environment.put("TIM_SECRET_KEY", KEY);
		this.cli.execute("usersig", "jobs/weekly-push-loss.yml", "--expire", "600");
		Map<String, String> fields = UserSig.decode(this.cli.out().strip());
		assertThat(fields).containsEntry("TLS.expire", "600");
	}

	@Test
	void failsWithTwoNamingTheVariableWhenItIsUnset() {
		int exitCode = this.cli.execute("usersig", "jobs/weekly-push-loss.yml");
		assertThat(exitCode).isEqualTo(2);
		assertThat(this.cli.out()).isEmpty();
		assertThat(this.cli.errLines()).singleElement().asString().contains("TIM_SECRET_KEY").contains("not set");
	}

	@Test
	void signsASimulatorJobWithTheDemoKeyWhenTheVariableIsUnset() {
		int exitCode = this.cli.execute("usersig", "jobs/demo.yml");
		assertThat(exitCode).isZero();
		assertThat(new UserSig(PushLossSimulator.DEMO_SECRET_KEY, this.cli.clock).verify(this.cli.out().strip(),
				1400000000L, "administrator"))
			.isEqualTo(UserSig.Verification.VALID);
		assertThat(this.cli.err()).contains("demo key");
	}

	@Test
	void prefersTheVariableOverTheDemoKeyForASimulatorJob() {
		this.cli.environment.put("TIM_SECRET_KEY", KEY);
		this.cli.execute("usersig", "jobs/demo.yml");
		assertThat(new UserSig(KEY, this.cli.clock).verify(this.cli.out().strip(), 1400000000L, "administrator"))
			.isEqualTo(UserSig.Verification.VALID);
	}

	@Test
	void rejectsANonPositiveLifetime() {
		this.cli.environment.put("TIM_SECRET_KEY", KEY);
		int exitCode = this.cli.execute("usersig", "jobs/weekly-push-loss.yml", "--expire", "0");
		assertThat(exitCode).isEqualTo(2);
		assertThat(this.cli.out()).isEmpty();
		assertThat(this.cli.errLines().get(0)).contains("--expire");
	}

	@Test
	void rejectsAnInvalidJobFile() throws IOException {
		Path bad = Files.writeString(this.dir.resolve("bad.yml"), "name: x\n");
		int exitCode = this.cli.execute("usersig", bad.toString());
		assertThat(exitCode).isEqualTo(2);
		assertThat(this.cli.errLines()).singleElement().asString().startsWith(bad + ": zone: is required");
	}

}
