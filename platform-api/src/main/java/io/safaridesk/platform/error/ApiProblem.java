package io.safaridesk.platform.error;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A failure that the client caused or must know about, answered as an RFC 9457 problem: a stable type (a short slug,
 * published as {@code https://safaridesk.io/problems/<type>}), a status, a human detail and, for bad input, the fields
 * at fault. Subclasses name the failure and offer static factories ({@code TenantNotFound.forSlug(slug)}).
 */
public abstract class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final List<FieldProblem> fields;

    protected ApiProblem(HttpStatus status, String type, String detail) {
        this(status, type, detail, List.of());
    }

    protected ApiProblem(HttpStatus status, String type, String detail, List<FieldProblem> fields) {
        super(detail);
        this.status = status;
        this.type = type;
        this.fields = List.copyOf(fields);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public List<FieldProblem> fields() {
        return fields;
    }

    /** Response headers that go with the problem (for example {@code Retry-After}); none unless a subclass says. */
    public java.util.Map<String, String> headers() {
        return java.util.Map.of();
    }

    /** Bad input in one field: 422 with that field and the reason. */
    public static ApiProblem invalidField(String field, String reason) {
        return new InvalidInput(List.of(new FieldProblem(field, reason)));
    }

    /** Input that is well-formed but breaks a rule. */
    public static final class InvalidInput extends ApiProblem {
        public InvalidInput(List<FieldProblem> fields) {
            super(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "invalid-input",
                    fields.size() == 1
                            ? fields.getFirst().field() + " "
                                    + fields.getFirst().reason()
                            : "Some fields are not valid",
                    fields);
        }
    }
}
