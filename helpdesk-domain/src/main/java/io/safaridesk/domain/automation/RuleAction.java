package io.safaridesk.domain.automation;

import tools.jackson.databind.JsonNode;

/** One action of a rule, run in the rule's order: {@code type} with its (normalised) {@code value}. */
public record RuleAction(String type, JsonNode value) {}
