package io.pushloss.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pushloss.api.UserSig;
import io.pushloss.domain.LossSource;

/**
 * Answers both push-loss APIs as the vendor does. A call goes through, in this order: fault draw (502 and delay
 * act at once), rate limit on arrival, method, URL parameters, SDKAppID, UserSig, administrator, body; a call that
 * passes every check gets its data, unless the drawn fault replaces or corrupts the answer.
 */
final class LossCallHandler implements HttpHandler {

	private static final Logger log = LoggerFactory.getLogger(PushLossSimulator.class);

	private static final String PATH_PREFIX = "/v4/timpush/";

	private static final int MAX_BODY_BYTES = 64 * 1024;

	private final SimulatorSettings settings;

	private final CallAnswers answers;

	private final UserSig userSig;

	private final CallRateLimiter rateLimiter;

	private final FaultPlan faults;

	private final Map<LossSource, AtomicLong> calls;

	private final AtomicLong frequencyLimited;

	private final ArrivalLog arrivals;

	/** Numbers the calls for the latency draw. */
	private final AtomicLong callNumber = new AtomicLong();

	LossCallHandler(SimulatorSettings settings, SyntheticLossData data, FaultPlan faults,
			Map<LossSource, AtomicLong> calls, AtomicLong frequencyLimited, ArrivalLog arrivals) {
		this.settings = settings;
		this.answers = new CallAnswers(data, settings.unnamedObjectShape());
		this.userSig = new UserSig(settings.secretKey(), settings.clock());
		this.rateLimiter = new CallRateLimiter(settings.callsPerSecond());
		this.faults = faults;
		this.calls = calls;
		this.frequencyLimited = frequencyLimited;
		this.arrivals = arrivals;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try {
			Instant arrival = ArrivalStamps.arrivalOr(this.settings.clock().instant());
			String path = exchange.getRequestURI().getPath();
			LossSource source = route(path);
			if (source == null) {
				log.debug("{} -> HTTP 404", path);
				send(exchange, Answer.text(404, "text/plain; charset=utf-8", "404 Not Found\n", "HTTP 404"));
				return;
			}
			this.calls.get(source).incrementAndGet();
			Fault fault = this.faults.next();
			Call call = new Call(source);
			Answer answer;
			if (fault == Fault.HTTP_502) {
				answer = CallAnswers.badGateway();
			}
			else {
				if (fault == Fault.DELAY) {
					Thread.sleep(this.faults.settings().delay().toMillis());
				}
				answer = answer(exchange, call, arrival, fault);
			}
			log.debug("{} {} tasks={} -> {}{}", source.apiName(), call.window, call.tasks, answer.outcome(),
					(fault != null) ? " [fault drawn: " + fault + "]" : "");
			serviceTime();
			send(exchange, answer);
		}
		catch (InterruptedException ex) {
			// The simulator is closing while a delayed call waits: drop the connection.
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			// A defect of the simulator, not of the caller: the connection drops, the cause is logged.
			log.warn("Push-loss simulator failed to answer {}", exchange.getRequestURI().getPath(), ex);
		}
		finally {
			exchange.close();
		}
	}

	private Answer answer(HttpExchange exchange, Call call, Instant arrival, Fault fault) throws IOException {
		try {
			String sdkAppId = QueryParameters.rawSdkAppId(exchange.getRequestURI().getRawQuery());
			if (sdkAppId != null) {
				try {
					if (sdkAppId.equals(Long.toString(this.settings.sdkAppId()))) {
						this.arrivals.record(call.source,
								new PushLossSimulator.Arrival(arrival, exchange.getRemoteAddress().getPort()));
					}
					this.rateLimiter.admit(sdkAppId, call.source, arrival);
				}
				catch (RejectedCallException ex) {
					this.frequencyLimited.incrementAndGet();
					throw ex;
				}
			}
			if (!"POST".equals(exchange.getRequestMethod())) {
				throw new RejectedCallException(QueryParameters.HTTP_PARSE_ERROR,
						"HTTP parse error: " + exchange.getRequestMethod() + " is not supported, use POST");
			}
			QueryParameters parameters = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
			authenticate(parameters);
			LossRequest request = LossRequest.parse(call.source, readBody(exchange));
			call.window = "[" + request.startTime() + ", " + request.endTime() + ")";
			call.tasks = request.taskIds().toString();
			return this.answers.answer(request, fault);
		}
		catch (RejectedCallException ex) {
			return Answer.rejected(ex);
		}
	}

	/** Waits the call's service time, drawn from the seed and the call's number (none when latency is zero). */
	private void serviceTime() throws InterruptedException {
		long min = this.settings.minLatency().toNanos();
		long spread = this.settings.maxLatency().toNanos() - min;
		if (min == 0 && spread == 0) {
			return;
		}
		long call = this.callNumber.getAndIncrement();
		long nanos = min + (long) (Hashing.unit(Hashing.hash(this.settings.seed(), 0x1A7E_4C79L, call)) * spread);
		Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
	}

	private void authenticate(QueryParameters parameters) {
		if (parameters.sdkAppId() != this.settings.sdkAppId()) {
			throw new RejectedCallException(60006, "SDKAppID " + parameters.sdkAppId() + " is invalid");
		}
		UserSig.Verification verification = this.userSig.verify(parameters.userSig(), this.settings.sdkAppId(),
				parameters.identifier());
		if (verification != UserSig.Verification.VALID) {
			throw new RejectedCallException(verification.errorCode(), describe(verification));
		}
		if (!parameters.identifier().equals(this.settings.identifier())) {
			throw new RejectedCallException(90009, "Request lacks permissions. Use the administrator to call.");
		}
	}

	private static String describe(UserSig.Verification verification) {
		return switch (verification) {
			case EXPIRED -> "UserSig expired, generate a new one";
			case WRONG_KEY -> "UserSig verification failed: it was not generated with this application's secret key";
			case IDENTIFIER_MISMATCH -> "The identifier in the UserSig does not match the identifier parameter";
			case SDKAPPID_MISMATCH -> "The SDKAppID in the UserSig does not match the sdkappid parameter";
			default -> "UserSig is malformed";
		};
	}

	private static LossSource route(String path) {
		if (path == null || !path.startsWith(PATH_PREFIX)) {
			return null;
		}
		String api = path.substring(PATH_PREFIX.length());
		for (LossSource source : LossSource.values()) {
			if (source.apiName().equals(api)) {
				return source;
			}
		}
		return null;
	}

	private static String readBody(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
			if (body.length > MAX_BODY_BYTES) {
				throw new RejectedCallException(LossRequest.INVALID_PARAMETERS,
						"Invalid request parameters: the body exceeds " + MAX_BODY_BYTES + " bytes");
			}
			return new String(body, StandardCharsets.UTF_8);
		}
	}

	private static void send(HttpExchange exchange, Answer answer) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", answer.contentType());
		byte[] body = answer.body();
		exchange.sendResponseHeaders(answer.status(), (body.length == 0) ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	/** What the log line says about a call; filled in as the call is understood. */
	private static final class Call {

		private final LossSource source;

		private String window = "[?]";

		private String tasks = "[]";

		Call(LossSource source) {
			this.source = source;
		}

	}

}
