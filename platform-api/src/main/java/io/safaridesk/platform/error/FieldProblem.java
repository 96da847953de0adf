package io.safaridesk.platform.error;

/** One rejected input: which field (as the client named it) and why. */
public record FieldProblem(String field, String reason) {}
