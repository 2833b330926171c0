package io.pushloss.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import io.pushloss.domain.IsoWeek;

/** {@code YYYY-Www} options; the message says why a week does not exist (e.g. 2026 has no W54). */
final class IsoWeekConverter implements ITypeConverter<IsoWeek> {

	@Override
	public IsoWeek convert(String value) {
		try {
			return IsoWeek.parse(value);
		}
		catch (IllegalArgumentException ex) {
			throw new TypeConversionException(ex.getMessage());
		}
	}

}
