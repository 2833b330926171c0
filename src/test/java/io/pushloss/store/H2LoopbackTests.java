package io.pushloss.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class H2LoopbackTests {

	private String saved;

	@BeforeEach
	void save() {
		this.saved = System.getProperty(H2Loopback.BIND_ADDRESS);
	}

	@AfterEach
	void restore() {
		if (this.saved != null) {
			System.setProperty(H2Loopback.BIND_ADDRESS, this.saved);
		}
		else {
			System.clearProperty(H2Loopback.BIND_ADDRESS);
		}
	}

	@Test
	void bindsH2ToLoopbackWhenNobodySaidOtherwise() {
		System.clearProperty(H2Loopback.BIND_ADDRESS);

		new H2Loopback().postProcessEnvironment(null, null);

		assertThat(System.getProperty(H2Loopback.BIND_ADDRESS)).isEqualTo("127.0.0.1");
	}

	@Test
	void keepsABindAddressTheOperatorChose() {
		System.setProperty(H2Loopback.BIND_ADDRESS, "::1");

		H2Loopback.apply();

		assertThat(System.getProperty(H2Loopback.BIND_ADDRESS)).isEqualTo("::1");
	}

}
