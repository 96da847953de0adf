package io.safaridesk.platform.web;

import io.safaridesk.platform.error.ApiProblem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A clearable field of a partial update, bound as a {@link JsonNode} so that its three states stay apart: left out
 * (the record component is null: keep the value), sent as {@code null} (a null node: clear it) or sent with a value.
 * An {@code Optional} component cannot tell the first two apart (Jackson binds both to empty).
 */
public final class PatchField {

    private PatchField() {}

    /** Null when left out, empty when sent as null, else the id; a 422 problem naming {@code field} otherwise. */
    public static Optional<Long> id(String field, JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 1) {
            throw ApiProblem.invalidField(field, "is not an id");
        }
        return Optional.of(node.asLong());
    }

    /** Null when left out, empty when sent as null, else the text; a 422 problem naming {@code field} otherwise. */
    public static Optional<String> text(String field, JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return Optional.empty();
        }
        if (!node.isString()) {
            throw ApiProblem.invalidField(field, "is not a text");
        }
        return Optional.of(node.asString());
    }

    /** Null when left out, empty when sent as null, else the ISO-8601 instant; a 422 problem otherwise. */
    public static Optional<Instant> instant(String field, JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(node.asString()));
        } catch (DateTimeParseException | UnsupportedOperationException e) {
            throw ApiProblem.invalidField(field, "is not an ISO-8601 instant such as 2030-01-31T17:00:00Z");
        }
    }
}
