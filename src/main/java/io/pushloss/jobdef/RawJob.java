package io.pushloss.jobdef;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A job file exactly as written, before validation and conversion. Component names map to kebab-case keys
 * ({@code secretKeyEnv} is {@code secret-key-env}); the component order is the order in which fields are checked,
 * so the first error reported is the first one in a file laid out like the shipped examples. Optional values are
 * boxed so that "absent" can be told from a value and defaulted during conversion.
 */
record RawJob(
		@NotNull(message = REQUIRED)
		@Size(max = 64, message = "must be at most 64 characters long")
		@Pattern(regexp = "[a-z0-9-]+", message = "must use only lower-case letters, digits and '-'") String name,
		@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
		@Size(max = 120, message = "must be at most 120 characters long")
		@Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not contain control characters") String displayName,
		@TextFormat(ValueFormat.LOCALE) String locale,
		@NotNull(message = REQUIRED) @TextFormat(ValueFormat.ZONE) String zone,
		@NotNull(message = REQUIRED) @TextFormat(ValueFormat.CRON) String schedule,
		@NotNull(message = REQUIRED) Api api,
		Sources sources,
		@TextFormat(ValueFormat.WINDOW) String window,
		@Min(value = 1, message = "must be from 1 to 12")
		@Max(value = 12, message = "must be from 1 to 12") Integer baselineWeeks,
		@Pattern(regexp = "daily|weekly", message = "must be daily or weekly") String baselineDetail,
		@NotNull(message = REQUIRED) Recipients recipients,
		List<@NotNull(message = EMPTY_ITEM) @TextFormat(ValueFormat.MAIL_ADDRESS) String> owners,
		Archive archive) {

	static final String REQUIRED = "is required";

	static final String EMPTY_ITEM = "must not be an empty item";

	/** Printable text without control characters (tabs and line breaks included). */
	static final String NO_CONTROL_CHARACTERS = "[^\\p{Cntrl}]*";

	record Api(
			@TextFormat(ValueFormat.REGION) String region,
			@TextFormat(ValueFormat.HTTP_URL) String baseUrl,
			@NotNull(message = REQUIRED) @Positive(message = "must be a positive integer") Long sdkappid,
			@NotBlank(message = "must not be blank") @Pattern(regexp = NO_CONTROL_CHARACTERS,
					message = "must not contain control characters") String identifier,
			@NotNull(message = REQUIRED) @Pattern(regexp = "[A-Z_][A-Z0-9_]*",
					message = "must be an environment variable name ([A-Z_][A-Z0-9_]*)") String secretKeyEnv,
			Boolean simulator,
			Long simulatorSeed) {
	}

	record Sources(
			Boolean normal,
			List<@NotBlank(message = "must not be blank") @Size(max = 256,
					message = "must be at most 256 characters long") @Pattern(regexp = NO_CONTROL_CHARACTERS,
							message = "must not contain control characters") String> allMemberTasks) {
	}

	record Recipients(
			@NotEmpty(message = "must list at least one address")
			List<@NotNull(message = EMPTY_ITEM) @TextFormat(ValueFormat.MAIL_ADDRESS) String> to,
			List<@NotNull(message = EMPTY_ITEM) @TextFormat(ValueFormat.MAIL_ADDRESS) String> cc,
			List<@NotNull(message = EMPTY_ITEM) @TextFormat(ValueFormat.MAIL_ADDRESS) String> bcc,
			List<@NotNull(message = EMPTY_ITEM) RecipientGroup> groups) {
	}

	/** More recipients who read the report in another language than the job's. */
	record RecipientGroup(
			@NotNull(message = REQUIRED) @TextFormat(ValueFormat.LOCALE) String locale,
			@NotEmpty(message = "must list at least one address")
			List<@NotNull(message = EMPTY_ITEM) @TextFormat(ValueFormat.MAIL_ADDRESS) String> to,
			List<@NotNull(message = EMPTY_ITEM) @TextFormat(ValueFormat.MAIL_ADDRESS) String> cc,
			List<@NotNull(message = EMPTY_ITEM) @TextFormat(ValueFormat.MAIL_ADDRESS) String> bcc) {
	}

	record Archive(
			@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String dir,
			@Positive(message = "must be a positive integer") Integer keepWeeks) {
	}

}
