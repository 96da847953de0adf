package io.safaridesk.domain.automation;

/** A trigger runs on ticket events; a time rule runs on the worker's sweep. */
public enum RuleKind {
    TRIGGER,
    TIME_RULE;

    /** How history and the answers name a rule of this kind ({@code trigger}, {@code time_rule}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
