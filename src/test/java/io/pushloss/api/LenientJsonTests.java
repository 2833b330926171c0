package io.pushloss.api;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.pushloss.api.LenientJson.JsonObject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LenientJsonTests {

	@Test
	void acceptsTrailingCommasInArraysAndObjects() {
		JsonObject object = (JsonObject) LenientJson.parse("{\"a\":[1,2,],\"b\":{\"c\":true,},}");

		assertThat(object.get("a")).isEqualTo(List.of(new BigDecimal("1"), new BigDecimal("2")));
		assertThat(((JsonObject) object.get("b")).get("c")).isEqualTo(Boolean.TRUE);
	}

	@Test
	void keepsObjectsWithoutANameApart() {
		JsonObject object = (JsonObject) LenientJson.parse("{\"x\":\"sucess\", {\"y\":null} }");

		assertThat(object.members()).containsOnlyKeys("x");
		assertThat(object.unnamed()).singleElement()
			.satisfies((inner) -> assertThat(inner.get("y")).isSameAs(LenientJson.NULL));
	}

	@Test
	void decodesEscapesAndKeepsNumbersExact() {
		JsonObject object = (JsonObject) LenientJson.parse("{\"s\":\"a\\\"b\\u00e9\\n\",\"n\":-12.50e1}");

		assertThat(object.get("s")).isEqualTo("a\"b\u00e9\n");
		assertThat(object.get("n")).isEqualTo(new BigDecimal("-12.50e1"));
	}

	@Test
	void rejectsDuplicateMembersLeadingCommasAndNamedValuesWithoutColon() {
		for (String text : List.of("{\"a\":1,\"a\":2}", "[,1]", "{\"a\" 1}", "{1:2}", "[01]", "{\"a\":tru}")) {
			assertThatExceptionOfType(LenientJson.SyntaxException.class).as(text)
				.isThrownBy(() -> LenientJson.parse(text))
				.satisfies((ex) -> assertThat(ex.truncated()).isFalse());
		}
	}

	@Test
	void flagsTextThatEndsEarlyAsTruncated() {
		for (String text : List.of("", "{", "{\"a\":", "{\"a\":\"b", "[1,", "{\"a\":-", "{\"a\":tr", "\"\\u00")) {
			assertThatExceptionOfType(LenientJson.SyntaxException.class).as(text)
				.isThrownBy(() -> LenientJson.parse(text))
				.satisfies((ex) -> assertThat(ex.truncated()).isTrue());
		}
	}

	@Test
	void refusesToNestWithoutBound() {
		assertThatExceptionOfType(LenientJson.SyntaxException.class)
			.isThrownBy(() -> LenientJson.parse("[".repeat(1000)))
			.withMessageContaining("nested deeper");
	}

}
