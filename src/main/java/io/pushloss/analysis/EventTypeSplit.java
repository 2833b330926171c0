package io.pushloss.analysis;

import io.pushloss.domain.EventType;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;

/**
 * Lost pushes of a source and stage split by online / offline, from the per-vendor rows that carry EventType.
 */
public record EventTypeSplit(LossSource source, Stage stage, EventType eventType, WeekOverWeek counts) {
}
