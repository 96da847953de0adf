package io.safaridesk.platform.error;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of every SafariDesk API as an RFC 9457 problem; 4xx logged at warn, 5xx at error with the stack. */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    static final String TYPE_BASE = "https://safaridesk.io/problems/";
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        log.warn("{}: {}", problem.type(), problem.getMessage());
        return respond(problem(problem.status(), problem.type(), problem.getMessage(), problem.fields()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        log.warn("bad request: {}", e.getMessage());
        return respond(problem(HttpStatus.BAD_REQUEST, "bad-request", e.getMessage(), List.of()));
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
                e.getName() + " is not valid",
                List.of(new FieldProblem(e.getName(), "is not a valid value"))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return respond(problem(
                HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Something went wrong on our side", List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(jsonName(error.getField()), error.getDefaultMessage()))
                .toList();
        log.warn("invalid input: {}", fields);
        return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, "invalid-input", "Some fields are not valid", fields));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        log.warn("unreadable body: {}", e.getMessage());
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "unreadable-body",
                        "The request body is not valid JSON of the expected shape",
                        List.of()));
    }

    static ProblemDetail problem(HttpStatusCode status, String type, String detail, List<FieldProblem> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        if (!fields.isEmpty()) {
            problem.setProperty("errors", fields);
        }
        return problem;
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
