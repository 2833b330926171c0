package io.pushloss.analysis;

import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;

/**
 * Lost pushes of one source at one stage, W against W-1 (push to all: overall statistics only).
 */
public record StageTotal(LossSource source, Stage stage, WeekOverWeek counts) {
}
