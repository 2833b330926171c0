package io.pushloss.analysis;

import io.pushloss.api.EventType;
import io.pushloss.api.LossSource;
import io.pushloss.api.Stage;

/**
 * Lost pushes of a source and stage split by online / offline, from the per-vendor rows that carry EventType.
 */
public record EventTypeSplit(LossSource source, Stage stage, EventType eventType, WeekOverWeek counts) {
}
