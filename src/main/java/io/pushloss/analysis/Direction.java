package io.pushloss.analysis;

/**
 * How a cause of lost pushes moved this week, as the story tells it (coloured in the email).
 */
public enum Direction {

	/** Lost pushes this week, none in the baseline weeks (or none last week after earlier ones: back again). */
	NEW,

	/** More than last week. */
	UP,

	/** Fewer than last week, but some. */
	DOWN,

	/** None this week, some last week. */
	RESOLVED,

	/** As many as last week. */
	FLAT;

	/** The direction of a code line's status against last week. */
	public static Direction of(CodeStatus status) {
		return switch (status) {
			case NEW, REGRESSED -> NEW;
			case UP -> UP;
			case DOWN -> DOWN;
			case RESOLVED -> RESOLVED;
			case FLAT -> FLAT;
		};
	}

}
