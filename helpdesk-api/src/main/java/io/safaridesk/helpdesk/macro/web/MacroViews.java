package io.safaridesk.helpdesk.macro.web;

import io.safaridesk.domain.macro.Macro;
import io.safaridesk.domain.macro.MacroActions;
import io.safaridesk.domain.macro.MacroRuns;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The macro endpoints' answers. */
final class MacroViews {

    private MacroViews() {}

    record ActionsView(
            Long statusId,
            String priority,
            Long assigneeId,
            Long departmentId,
            List<String> addTags,
            List<String> removeTags) {

        static ActionsView of(MacroActions a) {
            return new ActionsView(
                    a.statusId(),
                    a.priority() == null ? null : a.priority().name(),
                    a.assigneeId(),
                    a.departmentId(),
                    a.addTags(),
                    a.removeTags());
        }
    }

    record MacroView(
            long id,
            String name,
            String scope,
            Long ownerAgentId,
            Long departmentId,
            String bodyHtml,
            String visibility,
            ActionsView actions,
            long usageCount,
            Instant lastUsedAt,
            Instant createdAt,
            Instant updatedAt,
            int version) {

        static MacroView of(Macro m) {
            return new MacroView(
                    m.id(),
                    m.name(),
                    lower(m.scope()),
                    m.ownerAgentId(),
                    m.departmentId(),
                    m.bodyHtml(),
                    lower(m.visibility()),
                    ActionsView.of(m.actions()),
                    m.usageCount(),
                    m.lastUsedAt(),
                    m.createdAt(),
                    m.updatedAt(),
                    m.version());
        }
    }

    record MacroPage(List<MacroView> items, String nextCursor) {}

    record ChangeView(String field, String oldValue, String newValue) {}

    /** What applying a macro did (applied true) or would do (a dry run, applied false, no message_id). */
    record RunView(
            long macroId,
            long ticketId,
            boolean applied,
            String visibility,
            String bodyHtml,
            Long messageId,
            List<ChangeView> changes) {

        static RunView of(MacroRuns.Run run) {
            return new RunView(
                    run.macroId(),
                    run.ticketId(),
                    run.applied(),
                    run.bodyHtml() == null ? null : lower(run.visibility()),
                    run.bodyHtml(),
                    run.messageId(),
                    run.changes().stream()
                            .map(c -> new ChangeView(c.field(), c.oldValue(), c.newValue()))
                            .toList());
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
