package io.safaridesk.domain.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safaridesk.domain.ticket.MessageVisibility;
import io.safaridesk.domain.ticket.Priority;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.template.Placeholder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure parts of macros: tag arithmetic, the placeholder language, who sees and manages what, list cursors. */
class MacroUnitTests {

    static final Actor OWNER = Actor.staff("u1", "Ann", Actor.Role.AGENT, 1L, Set.of(10L));
    static final Actor COLLEAGUE = Actor.staff("u2", "Bob", Actor.Role.AGENT, 2L, Set.of(10L));
    static final Actor STRANGER = Actor.staff("u3", "Cy", Actor.Role.AGENT, 3L, Set.of(20L));
    static final Actor ADMIN = Actor.staff("u4", "Di", Actor.Role.ADMIN, 4L, Set.of());
    static final Actor CUSTOMER = Actor.customer("u5", "Eve", 5L);

    @Test
    void retaggingRemovesThenAddsNormalisedTagsOnce() {
        MacroActions actions =
                new MacroActions(null, null, null, null, List.of(" VIP ", "billing", "vip"), List.of("old"));

        assertThat(actions.addTags()).containsExactly("vip", "billing");
        assertThat(actions.retag(List.of("old", "keep", "billing"))).containsExactly("keep", "billing", "vip");
        assertThat(actions.changesTags()).isTrue();
        assertThat(MacroActions.NONE.changesTags()).isFalse();
    }

    @Test
    void aTagBothAddedAndRemovedIsAdded() {
        MacroActions actions = new MacroActions(null, Priority.HIGH, null, null, List.of("vip"), List.of("VIP", "old"));

        assertThat(actions.removeTags()).containsExactly("old");
        assertThat(actions.retag(List.of("vip"))).containsExactly("vip");
    }

    @Test
    void placeholderValuesAreEscapedAndOnlyTheOfferedOnesAreAccepted() {
        String body = "<p>Hi {{ requester.name }}, {{ticket.number}} by {{agent.name}}</p>";
        MacroBody.requireKnownPlaceholders("body_html", body);

        String rendered = MacroBody.render(
                body,
                Map.of(
                        Placeholder.REQUESTER_NAME, "<script>x()</script> & Co",
                        Placeholder.TICKET_NUMBER, "T-1042"));

        assertThat(rendered).isEqualTo("<p>Hi &lt;script&gt;x()&lt;/script&gt; &amp; Co, T-1042 by </p>");
        assertThatThrownBy(() -> MacroBody.requireKnownPlaceholders(
                        "body_html", "{{ticket.url}} {{export.url}} {{ticket.number}}"))
                .isInstanceOfSatisfying(ApiProblem.InvalidInput.class, e -> {
                    assertThat(e.fields()).singleElement().satisfies(f -> {
                        assertThat(f.field()).isEqualTo("body_html");
                        assertThat(f.reason()).contains("{{ticket.url}}", "{{export.url}}", "macros offer");
                    });
                });
    }

    @Test
    void personalMacrosAreTheirOwnersAloneAndSharedOnesTheAdminsToManage() {
        Macro personal = macro(MacroScope.PERSONAL, 1L, null);
        Macro department = macro(MacroScope.DEPARTMENT, null, 10L);
        Macro workspace = macro(MacroScope.WORKSPACE, null, null);

        assertThat(List.of(OWNER, COLLEAGUE, STRANGER, ADMIN, CUSTOMER))
                .map(personal::visibleTo)
                .containsExactly(true, false, false, false, false);
        assertThat(List.of(OWNER, COLLEAGUE, STRANGER, ADMIN, CUSTOMER))
                .map(department::visibleTo)
                .containsExactly(true, true, false, true, false);
        assertThat(List.of(OWNER, COLLEAGUE, STRANGER, ADMIN, CUSTOMER))
                .map(workspace::visibleTo)
                .containsExactly(true, true, true, true, false);
        assertThat(personal.manageableBy(OWNER)).isTrue();
        assertThat(department.manageableBy(OWNER)).isFalse();
        assertThat(department.manageableBy(ADMIN)).isTrue();
        assertThat(workspace.manageableBy(COLLEAGUE)).isFalse();
    }

    @Test
    void cursorsRoundTripInTheirOwnOrderOnly() {
        MacroSort.Position position = new MacroSort.Position(MacroSort.NAME, 42, "Refund | partial");

        assertThat(MacroSort.Position.decode(position.encode(), MacroSort.NAME)).isEqualTo(position);
        assertThat(MacroSort.Position.decode(null, MacroSort.USAGE)).isNull();
        for (String bad : List.of(position.encode(), "bm9wZQ", "!!", "VVNBR0V8MXwteA")) {
            assertThatThrownBy(() -> MacroSort.Position.decode(bad, MacroSort.USAGE))
                    .isInstanceOfSatisfying(
                            ApiProblem.InvalidInput.class,
                            e -> assertThat(e.fields().getFirst().field()).isEqualTo("cursor"));
        }
        assertThat(MacroSort.of("sort", " Usage ")).isEqualTo(MacroSort.USAGE);
        assertThatThrownBy(() -> MacroSort.of("sort", "colour")).isInstanceOf(ApiProblem.InvalidInput.class);
    }

    private static Macro macro(MacroScope scope, Long owner, Long department) {
        return Macro.create(
                new Macro.Content(
                        "M", scope, owner, department, "<p>x</p>", MessageVisibility.PUBLIC, MacroActions.NONE),
                "u1",
                Instant.EPOCH);
    }
}
