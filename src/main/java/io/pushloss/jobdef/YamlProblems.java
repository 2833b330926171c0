package io.pushloss.jobdef;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Translates what the YAML parser and the data binder throw into one-line {@link Problem}s: syntax errors with
 * line and column, unknown keys with the keys allowed there, and values of the wrong type.
 */
final class YamlProblems {

	/** Jackson's message for {@code StreamReadFeature.STRICT_DUPLICATE_DETECTION}. */
	private static final Pattern DUPLICATE_KEY = Pattern.compile("^Duplicate Object property \"(.*)\"");

	private YamlProblems() {
	}

	/**
	 * @param ex what the parser or the binder threw
	 * @param text the file's text, to find where an unknown key is written
	 */
	static Problem describe(JacksonException ex, String text) {
		if (ex.getCause() instanceof MarkedYamlEngineException yaml) {
			return syntaxError(yaml);
		}
		String field = field(ex.getPath());
		if (ex instanceof UnrecognizedPropertyException unknown) {
			// The binder buffers a record's properties and reports an unknown one where the record's mapping ends:
			// the key's own position comes from the document's nodes.
			String where = keyPosition(text, ex.getPath()).orElseGet(() -> at(ex));
			return new Problem(field, "unknown key" + knownKeys(unknown.getReferringClass()) + where);
		}
		String message = ex.getOriginalMessage();
		if (message != null && message.startsWith("Trailing token")) {
			return new Problem(null, "the file must hold one YAML document, found another" + at(ex));
		}
		if (ex instanceof MismatchedInputException mismatch) {
			if (field == null && mismatch.getCurrentToken() == null) {
				return new Problem(null, "the file is empty; it must be a YAML mapping of job fields");
			}
			String expected = expected(mismatch.getTargetType());
			String got = (ex instanceof InvalidFormatException format) ? Problem.quote(format.getValue())
					: describe(mismatch.getCurrentToken());
			if (field == null) {
				return new Problem(null, "the file must be a YAML mapping of job fields, got " + got + at(ex));
			}
			return new Problem(field, "must be " + expected + ", got " + got + at(ex));
		}
		Matcher duplicate = DUPLICATE_KEY.matcher((message != null) ? message : "");
		if (duplicate.find()) {
			String key = duplicate.group(1);
			return new Problem((field != null) ? field + "." + key : key, "appears twice" + at(ex));
		}
		return new Problem(field, firstLine(message) + at(ex));
	}

	/**
	 * {@code " (line L, column C)"} of the last key of {@code path} as written in {@code text}, found by walking the
	 * document's nodes along the path; empty when the path cannot be followed.
	 */
	static Optional<String> keyPosition(String text, List<JacksonException.Reference> path) {
		if (path.isEmpty()) {
			return Optional.empty();
		}
		Optional<Node> root;
		try {
			root = new Compose(LoadSettings.builder().build()).composeString(text);
		}
		catch (YamlEngineException ex) {
			return Optional.empty();
		}
		Node node = root.orElse(null);
		Mark mark = null;
		for (JacksonException.Reference reference : path) {
			mark = null;
			if (reference.getPropertyName() != null && node instanceof MappingNode mapping) {
				Node value = null;
				for (NodeTuple tuple : mapping.getValue()) {
					if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(reference.getPropertyName())) {
						mark = key.getStartMark().orElse(null);
						value = tuple.getValueNode();
						break;
					}
				}
				node = value;
			}
			else if (reference.getIndex() >= 0 && node instanceof SequenceNode sequence
					&& reference.getIndex() < sequence.getValue().size()) {
				node = sequence.getValue().get(reference.getIndex());
				mark = node.getStartMark().orElse(null);
			}
			else {
				return Optional.empty();
			}
			if (node == null) {
				return Optional.empty();
			}
		}
		return Optional.ofNullable(mark)
			.map((found) -> " (line " + (found.getLine() + 1) + ", column " + (found.getColumn() + 1) + ")");
	}

	private static Problem syntaxError(MarkedYamlEngineException yaml) {
		String where = yaml.getProblemMark()
			.or(yaml::getContextMark)
			.map((mark) -> " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1))
			.orElse("");
		String problem = (yaml.getProblem() != null) ? yaml.getProblem() : yaml.getContext();
		return new Problem(null, "YAML syntax error" + where + ": " + firstLine(problem));
	}

	/** {@code api.region} or {@code recipients.to[1]}; {@code null} at the top of the document. */
	private static String field(List<JacksonException.Reference> path) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				if (field.length() > 0) {
					field.append('.');
				}
				field.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return (field.length() > 0) ? field.toString() : null;
	}

	private static String knownKeys(Class<?> type) {
		if (type == null || !type.isRecord()) {
			return "";
		}
		Collection<String> keys = Arrays.stream(type.getRecordComponents())
			.map(RecordComponent::getName)
			.map(FieldNames::key)
			.toList();
		return "; expected one of " + keys.stream().collect(Collectors.joining(", "));
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "a different kind of value";
		}
		if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
			return "an integer";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class) {
			return "a single value";
		}
		if (Collection.class.isAssignableFrom(type)) {
			return "a list";
		}
		if (type.isRecord()) {
			return "a mapping of keys";
		}
		return "a " + type.getSimpleName();
	}

	private static String describe(JsonToken token) {
		if (token == null) {
			return "nothing";
		}
		return switch (token) {
			case START_ARRAY -> "a list";
			case START_OBJECT -> "a mapping";
			case VALUE_STRING -> "text";
			case VALUE_NUMBER_INT -> "an integer";
			case VALUE_NUMBER_FLOAT -> "a decimal number";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case VALUE_NULL -> "nothing";
			default -> token.name();
		};
	}

	private static String at(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

	private static String firstLine(String text) {
		if (text == null || text.isBlank()) {
			return "cannot be read";
		}
		return text.strip().lines().findFirst().orElse("").strip();
	}

}
