package io.safaridesk.domain.automation;

import tools.jackson.databind.JsonNode;

/**
 * One condition of a rule: {@code field} compared by {@code operator} with {@code value} (stored normalised: a status
 * by id, a priority, channel or category by its upper-case name, tags as a list); {@code calendarId} names the
 * business calendar of a {@code business_hours} condition or of an elapsed time counted in business hours.
 */
public record Condition(String field, String operator, JsonNode value, Long calendarId) {}
