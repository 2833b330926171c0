package io.pushloss.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one idiom by which an enum is found from the code the vendor's API or a job file names it by (a
 * {@code PushPlatform} number, an {@code EventType}, a region key): an immutable index built once per enum.
 *
 * @param <K> the code's type
 * @param <E> the enum
 */
public final class CodeIndex<K, E extends Enum<E>> {

	private final Map<K, E> byCode;

	private final Function<K, String> unknown;

	private CodeIndex(Map<K, E> byCode, Function<K, String> unknown) {
		this.byCode = byCode;
		this.unknown = unknown;
	}

	/**
	 * Indexes an enum's constants by their code.
	 * @param type the enum
	 * @param code a constant's code (distinct per constant)
	 * @param unknown the message for a code no constant has
	 */
	public static <K, E extends Enum<E>> CodeIndex<K, E> of(Class<E> type, Function<E, K> code,
			Function<K, String> unknown) {
		return new CodeIndex<>(Arrays.stream(type.getEnumConstants()).collect(Collectors.toUnmodifiableMap(code,
				Function.identity())), unknown);
	}

	/** The constant with this code, if any. */
	public Optional<E> find(K code) {
		return Optional.ofNullable(this.byCode.get(code));
	}

	/**
	 * The constant with this code.
	 * @throws IllegalArgumentException with the index's message when no constant has it
	 */
	public E get(K code) {
		E constant = this.byCode.get(code);
		if (constant == null) {
			throw new IllegalArgumentException(this.unknown.apply(code));
		}
		return constant;
	}

}
