package io.pushloss.console;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/**
 * The API's errors as problem details ({@code application/problem+json}, RFC 9457) with a {@code field} property
 * naming the field or parameter at fault; never a stack trace (an unexpected error is logged and answered 500 with
 * a line that says so).
 */
@RestControllerAdvice(assignableTypes = ConsoleApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleApiProblems {

	private static final Logger logger = LoggerFactory.getLogger(ConsoleApiProblems.class);

	@ExceptionHandler(BadInputException.class)
	ResponseEntity<ProblemDetail> badInput(BadInputException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid " + ex.field(), ex.getMessage(), ex.field());
	}

	@ExceptionHandler(UnknownJobException.class)
	ResponseEntity<ProblemDetail> unknownJob(UnknownJobException ex) {
		return problem(HttpStatus.NOT_FOUND, "Unknown job", ex.getMessage(), "name");
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), ex.field());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		String field = "body";
		String detail = "The body is not the JSON object expected";
		Throwable cause = ex.getCause();
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			String name = jackson.getPath().get(jackson.getPath().size() - 1).getPropertyName();
			if (name != null) {
				field = name;
				detail = field + " has the wrong type";
			}
		}
		else if (cause == null || ex.getMessage() != null && ex.getMessage().startsWith("Required request body")) {
			detail = "A JSON body is required";
		}
		else {
			detail = "The body is not well-formed JSON";
		}
		return problem(HttpStatus.BAD_REQUEST, "Invalid " + field, detail, field);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid " + ex.getName(),
				ex.getName() + " '" + ConsoleText.shorten(String.valueOf(ex.getValue())) + "' is not valid", ex.getName());
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid " + ex.getParameterName(),
				ex.getParameterName() + " is required", ex.getParameterName());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
				"Send the body as application/json", "Content-Type");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		logger.error("Console API request failed: {}", ex.getMessage(), ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"The request could not be completed; the log of serve says why", null);
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, String field) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		if (field != null) {
			problem.setProperty("field", field);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
