package io.pushloss.jobdef;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Period;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads and validates {@code jobs/*.yml} files.
 * <p>
 * Three steps: the YAML is bound to package-private raw records (unknown keys and wrong types rejected), Bean
 * Validation checks each field in file order, then the values are converted and cross-checked. The first problem
 * found is thrown as an {@link InvalidJobDefinitionException} whose message is one line naming file, field and
 * reason. Thread-safe; create one and reuse it.
 */
public final class JobDefinitionLoader {

	/** The simulator's data seed when {@code api.simulator-seed} is absent. */
	public static final long DEFAULT_SIMULATOR_SEED = 42;

	/** The fetch window when {@code window} is absent. */
	public static final Period DEFAULT_WINDOW = Period.ofDays(1);

	/** The number of baseline weeks when {@code baseline-weeks} is absent. */
	public static final int DEFAULT_BASELINE_WEEKS = 4;

	/** Job files are a few dozen lines; anything this large is the wrong file. */
	private static final long MAX_FILE_BYTES = 1024 * 1024;

	/*
	 * Safe by construction: Jackson's YAML module reads plain data only. It binds to the fixed raw records below,
	 * default typing is off and YAML tags such as !!java.lang.Runtime are not used to pick classes, so a job file
	 * cannot make the loader instantiate arbitrary types (unlike SnakeYAML's Constructor-based loading).
	 */
	private static final ObjectReader READER = YAMLMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build()
		.readerFor(RawJob.class);

	private final OrderedValidator validator;

	public JobDefinitionLoader() {
		this.validator = new OrderedValidator(ValidatorHolder.VALIDATOR);
	}

	/**
	 * Reads, validates and converts one job file.
	 * @param file the job file; messages show it as given, so pass it as the operator typed it
	 * @return the definition, with {@link JobDefinition#file()} set to {@code file}
	 * @throws InvalidJobDefinitionException for the first problem in the file
	 */
	public JobDefinition load(Path file) {
		String text = read(file);
		if (text.isBlank()) {
			throw new InvalidJobDefinitionException(file, null,
					"the file is empty; it must be a YAML mapping of job fields");
		}
		RawJob raw;
		try {
			raw = READER.readValue(text);
		}
		catch (JacksonException ex) {
			throw YamlProblems.describe(ex, text).toException(file, ex);
		}
		if (raw == null) {
			throw new InvalidJobDefinitionException(file, null,
					"the file has no content; it must be a YAML mapping of job fields");
		}
		this.validator.firstProblem(raw, "").ifPresent((problem) -> {
			throw problem.toException(file, null);
		});
		return new RawJobConverter(file).convert(raw);
	}

	private static String read(Path file) {
		try {
			if (Files.isDirectory(file)) {
				throw new InvalidJobDefinitionException(file, null, "is a directory, not a job file");
			}
			if (Files.size(file) > MAX_FILE_BYTES) {
				throw new InvalidJobDefinitionException(file, null, "is larger than 1 MiB, not a job file");
			}
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			throw new InvalidJobDefinitionException(file, null, "no such file", ex);
		}
		catch (AccessDeniedException ex) {
			throw new InvalidJobDefinitionException(file, null, "permission denied", ex);
		}
		catch (CharacterCodingException ex) {
			throw new InvalidJobDefinitionException(file, null, "is not UTF-8 text", ex);
		}
		catch (IOException ex) {
			throw new InvalidJobDefinitionException(file, null, "cannot be read: " + ex.getMessage(), ex);
		}
	}

	/**
	 * One validator for the process. Message interpolation without the expression language: messages are fixed
	 * text, and no value from a job file is ever evaluated.
	 */
	private static final class ValidatorHolder {

		static final Validator VALIDATOR = create();

		private static Validator create() {
			HibernateValidatorConfiguration configuration = Validation.byProvider(HibernateValidator.class)
				.configure()
				.messageInterpolator(new ParameterMessageInterpolator());
			ConstraintValidatorFactory defaults = configuration.getDefaultConstraintValidatorFactory();
			return configuration.constraintValidatorFactory(new ConstraintValidatorFactory() {

				@Override
				public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
					// TextFormatValidator is package-private, out of reach of the default factory
					return (key == TextFormatValidator.class) ? key.cast(new TextFormatValidator())
							: defaults.getInstance(key);
				}

				@Override
				public void releaseInstance(ConstraintValidator<?, ?> instance) {
					defaults.releaseInstance(instance);
				}

			}).buildValidatorFactory().getValidator();
		}

	}

}
