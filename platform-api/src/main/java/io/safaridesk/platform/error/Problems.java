package io.safaridesk.platform.error;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * How every SafariDesk API writes an RFC 9457 problem: a stable type under {@value #TYPE_BASE}, the status, a plain
 * detail and, for bad input, the fields at fault. Used by the MVC advice and by the places that answer before or
 * outside Spring MVC (filters, the error page, the servlet container's own refusals).
 */
public final class Problems {

    public static final String TYPE_BASE = "https://safaridesk.io/problems/";

    private static final JsonMapper JSON = JsonMapper.shared();

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String type, String detail, List<FieldProblem> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        if (!fields.isEmpty()) {
            problem.setProperty("errors", fields);
        }
        return problem;
    }

    /** Writes {@code problem} as the whole response, with {@code headers}; the response must not be committed. */
    public static void write(HttpServletResponse response, ProblemDetail problem, Map<String, String> headers)
            throws IOException {
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        headers.forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] bytes = JSON.writeValueAsBytes(body(problem));
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** The problem as its JSON members, without depending on a configured mapper's ProblemDetail mix-in. */
    static Map<String, Object> body(ProblemDetail problem) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    /** The stable problem type of a bare status that the servlet container or Spring answered without a cause. */
    public static String typeOf(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 408 -> "request-timeout";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 422 -> "invalid-input";
            case 429 -> "too-many-requests";
            case 431 -> "headers-too-large";
            case 503 -> "service-unavailable";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
    }

    /** A detail in plain words for a bare status, never the container's own text (which may name Java types). */
    public static String detailOf(int status) {
        return switch (status) {
            case 400 -> "The request is malformed (its path, parameters, headers or body cannot be read)";
            case 401 -> "A valid bearer token is required";
            case 403 -> "You may not do this";
            case 404 -> "No such resource";
            case 405 -> "This resource does not take this method";
            case 406 -> "No acceptable representation; ask for application/json";
            case 408 -> "The request took too long to arrive";
            case 413 -> "The request is too large";
            case 414 -> "The request's address is too long";
            case 415 -> "This media type is not supported here";
            case 429 -> "Too many requests; try again later";
            case 431 -> "The request's headers are too large";
            case 503 -> "The service is unavailable; try again shortly";
            default -> status >= 500 ? "Something went wrong on our side" : "The request cannot be served";
        };
    }
}
