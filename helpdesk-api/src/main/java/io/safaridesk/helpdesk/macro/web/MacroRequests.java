package io.safaridesk.helpdesk.macro.web;

import io.safaridesk.domain.macro.MacroScope;
import io.safaridesk.domain.macro.Macros;
import io.safaridesk.domain.ticket.MessageVisibility;
import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.web.PatchField;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The bodies the macro endpoints take. */
final class MacroRequests {

    static final int MAX_NAME = 200;
    static final int MAX_HTML = 200_000;

    private MacroRequests() {}

    /**
     * A macro, whole on creation, partial in an update: leave a field out to keep it; send body_html null to remove
     * the reply; actions, when sent, replace the macro's.
     */
    record MacroRequest(
            @Size(min = 1, max = MAX_NAME) String name,

            @Schema(allowableValues = {"personal", "department", "workspace"})
            String scope,

            @Positive Long departmentId,
            @Schema(type = "string", nullable = true) JsonNode bodyHtml,

            @Schema(allowableValues = {"public", "internal"})
            String visibility,

            @Valid ActionsRequest actions,
            Integer version) {

        Macros.Draft toDraft() {
            Optional<String> body = PatchField.text("body_html", bodyHtml);
            if (body != null && body.map(String::length).orElse(0) > MAX_HTML) {
                throw ApiProblem.invalidField("body_html", "is longer than " + MAX_HTML + " characters");
            }
            return new Macros.Draft(
                    name,
                    scope == null ? null : MacroScope.of("scope", scope),
                    departmentId,
                    body,
                    visibility == null ? null : visibility("visibility", visibility),
                    actions == null ? null : actions.toActions(),
                    version);
        }

        private static MessageVisibility visibility(String field, String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "public" -> MessageVisibility.PUBLIC;
                case "internal" -> MessageVisibility.INTERNAL;
                default -> throw ApiProblem.invalidField(field, "is not one of [public, internal]");
            };
        }
    }

    /** The field changes: status by id or name; tags to add and to remove. */
    record ActionsRequest(
            @Size(max = 100) String status,

            @Schema(allowableValues = {"critical", "high", "medium", "low"})
            String priority,

            @Positive Long assigneeId,
            @Positive Long departmentId,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> addTags,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> removeTags) {

        Macros.Actions toActions() {
            return new Macros.Actions(
                    status == null || status.isBlank() ? null : status,
                    priority == null ? null : Priority.of("actions.priority", priority),
                    assigneeId,
                    departmentId,
                    addTags,
                    removeTags);
        }
    }
}
