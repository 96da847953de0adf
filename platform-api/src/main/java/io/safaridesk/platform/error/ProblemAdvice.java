package io.safaridesk.platform.error;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every error of every SafariDesk API as an RFC 9457 problem; 4xx logged at warn, 5xx at error with the stack. */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    static final String TYPE_BASE = Problems.TYPE_BASE;
    private static final java.util.regex.Pattern JAVA_NAME =
            java.util.regex.Pattern.compile("\\b(java|javax|jakarta|io|org|com|tools)\\.[a-z]+\\.|Exception\\b|\\$");
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        log.warn("{}: {}", problem.type(), problem.getMessage());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status());
        problem.headers().forEach(response::header);
        return response.body(problem(problem.status(), problem.type(), problem.getMessage(), problem.fields()));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e) {
        log.warn("malformed multipart: {}", e.getMessage());
        return respond(problem(
                HttpStatus.BAD_REQUEST,
                "malformed-multipart",
                "The multipart body cannot be read (a boundary is missing or the body is cut short)",
                List.of()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        log.warn("bad request: {}", e.getMessage());
        return respond(problem(HttpStatus.BAD_REQUEST, "bad-request", plain(e.getMessage()), List.of()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<FieldProblem> fields = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(jsonName(lastNode(v.getPropertyPath().toString())), v.getMessage()))
                .toList();
        log.warn("invalid input: {}", fields);
        return respond(problem(HttpStatus.BAD_REQUEST, "invalid-input", "Some fields are not valid", fields));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentUpdate(OptimisticLockingFailureException e) {
        log.warn("concurrent update: {}", e.getMessage());
        return respond(problem(
                HttpStatus.CONFLICT,
                "concurrent-update",
                "Someone else changed this resource; reload it and try again",
                List.of()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        log.warn("bad parameter {}: {}", e.getName(), e.getValue());
        return respond(problem(
                HttpStatus.BAD_REQUEST,
                "invalid-input",
                e.getName() + " " + PlainWords.expected(e.getRequiredType()),
                List.of(new FieldProblem(e.getName(), PlainWords.expected(e.getRequiredType())))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.isCause(e)) {
            log.error("database unavailable", e);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .body(DatabaseUnavailable.problem());
        }
        log.error("unexpected failure", e);
        return respond(problem(
                HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Something went wrong on our side", List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(jsonName(error.getField()), reason(error)))
                .toList();
        log.warn("invalid input: {}", fields);
        return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, "invalid-input", "Some fields are not valid", fields));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ApiProblem refused = causeOf(e, ApiProblem.class);
        if (refused != null) {
            return ResponseEntity.status(refused.status())
                    .body(apiProblem(refused).getBody());
        }
        log.warn("unreadable body: {}", e.getMessage());
        MismatchedInputException mismatch = causeOf(e, MismatchedInputException.class);
        List<FieldProblem> fields = mismatch == null || mismatch.getPath().isEmpty()
                ? List.of()
                : List.of(new FieldProblem(
                        path(mismatch),
                        mismatch instanceof UnrecognizedPropertyException
                                ? "is not a known field"
                                : PlainWords.expected(mismatch.getTargetType())));
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "unreadable-body",
                        fields.isEmpty()
                                ? "The request body is not valid JSON of the expected shape"
                                : fields.getFirst().field() + " "
                                        + fields.getFirst().reason(),
                        fields));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName() == null ? "parameter" : jsonName(e.getPropertyName());
        String reason = PlainWords.expected(e.getRequiredType());
        log.warn("bad value for {}", field);
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "invalid-input",
                        field + " " + reason,
                        List.of(new FieldProblem(field, reason))));
    }

    /**
     * Spring MVC's own refusals (method not allowed, unsupported media type, missing parameter, too large, ...): the
     * same status, with a stable type and a detail in plain words instead of Spring's, which may name Java types.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body == null || body instanceof ProblemDetail detail && !isOurs(detail)) {
            String plain = e instanceof org.springframework.web.bind.MissingServletRequestParameterException missing
                    ? missing.getParameterName() + " is required"
                    : e instanceof org.springframework.web.multipart.support.MissingServletRequestPartException part
                            ? part.getRequestPartName() + " is required"
                            : Problems.detailOf(status.value());
            body = problem(status, Problems.typeOf(status.value()), plain, List.of());
            log.warn("{}: {}", Problems.typeOf(status.value()), e.getMessage());
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    /** A message fit for clients: one that names a Java type or package is replaced by a plain one. */
    static String plain(String message) {
        return message == null || JAVA_NAME.matcher(message).find() ? "The request is not valid" : message;
    }

    private static boolean isOurs(ProblemDetail detail) {
        return detail.getType().toString().startsWith(TYPE_BASE);
    }

    /** A field error's reason in plain words; a value that could not even be converted says what it must be. */
    private static String reason(FieldError error) {
        if (!error.isBindingFailure()) {
            return error.getDefaultMessage();
        }
        TypeMismatchException mismatch =
                error.contains(TypeMismatchException.class) ? error.unwrap(TypeMismatchException.class) : null;
        return PlainWords.expected(mismatch == null ? null : mismatch.getRequiredType());
    }

    private static String path(JacksonException e) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    static ProblemDetail problem(HttpStatusCode status, String type, String detail, List<FieldProblem> fields) {
        return Problems.of(status, type, detail, fields);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** The field as clients name it: our JSON is snake_case. */
    static String jsonName(String javaName) {
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
