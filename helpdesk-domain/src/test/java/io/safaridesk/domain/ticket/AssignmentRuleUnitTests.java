package io.safaridesk.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.domain.ticket.AssignmentRule.Action;
import io.safaridesk.domain.ticket.AssignmentRule.Condition;
import io.safaridesk.domain.ticket.AssignmentRule.Facts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssignmentRuleUnitTests {

    private static final Facts BILLING_EMAIL =
            new Facts(Channel.EMAIL, Priority.MEDIUM, 7L, "acme.com", "Invoice overdue", "Please send the refund");

    @Test
    void aRuleWithoutConditionsMatchesEveryTicket() {
        assertThat(rule().matches(BILLING_EMAIL)).isTrue();
    }

    @Test
    void conditionsAreAndedWithinARule() {
        assertThat(rule(new Condition("channel", "is", "EMAIL"), new Condition("priority", "is", "MEDIUM"))
                        .matches(BILLING_EMAIL))
                .isTrue();
        assertThat(rule(new Condition("channel", "is", "EMAIL"), new Condition("priority", "is", "HIGH"))
                        .matches(BILLING_EMAIL))
                .isFalse();
    }

    @Test
    void aListOfValuesMatchesAnyOfThemAndANegationNoneOfThem() {
        assertThat(new Condition("channel", "is", "WEB,EMAIL").holdsFor(BILLING_EMAIL))
                .isTrue();
        assertThat(new Condition("channel", "is_not", "WEB,EMAIL").holdsFor(BILLING_EMAIL))
                .isFalse();
        assertThat(new Condition("channel", "is_not", "WEB,CHAT").holdsFor(BILLING_EMAIL))
                .isTrue();
    }

    @Test
    void keywordsMatchSubjectBodyOrEitherIgnoringCase() {
        assertThat(new Condition("subject", "contains", "INVOICE").holdsFor(BILLING_EMAIL))
                .isTrue();
        assertThat(new Condition("subject", "contains", "refund").holdsFor(BILLING_EMAIL))
                .isFalse();
        assertThat(new Condition("body", "contains", "password, refund").holdsFor(BILLING_EMAIL))
                .isTrue();
        assertThat(new Condition("subject_or_body", "contains", "Refund").holdsFor(BILLING_EMAIL))
                .isTrue();
        assertThat(new Condition("subject_or_body", "not_contains", "refund").holdsFor(BILLING_EMAIL))
                .isFalse();
    }

    @Test
    void categoryAndRequesterDomainCompareExactly() {
        assertThat(new Condition("category", "is", "7").holdsFor(BILLING_EMAIL)).isTrue();
        assertThat(new Condition("category", "is", "70").holdsFor(BILLING_EMAIL))
                .isFalse();
        assertThat(new Condition("requester_domain", "is", "acme.com").holdsFor(BILLING_EMAIL))
                .isTrue();
        assertThat(new Condition("requester_domain", "is", "mail.acme.com").holdsFor(BILLING_EMAIL))
                .isFalse();
        Facts uncategorised = new Facts(Channel.WEB, Priority.LOW, null, "x.org", "s", "b");
        assertThat(new Condition("category", "is", "7").holdsFor(uncategorised)).isFalse();
        assertThat(new Condition("category", "is_not", "7").holdsFor(uncategorised))
                .isTrue();
    }

    @Test
    void conditionsAndActionsSurviveStorage() {
        AssignmentRule rule = rule(new Condition("priority", "is", "HIGH"));
        assertThat(rule.conditions()).containsExactly(new Condition("priority", "is", "HIGH"));
        assertThat(rule.actions()).containsExactly(new Action("add_tags", "vip"));
    }

    @Test
    void roundRobinTakesTheNextMemberAfterTheLastAndWrapsAround() {
        assertThat(TicketRouting.nextInTurn(List.of(3L, 5L, 9L), null)).contains(3L);
        assertThat(TicketRouting.nextInTurn(List.of(3L, 5L, 9L), 3L)).contains(5L);
        assertThat(TicketRouting.nextInTurn(List.of(3L, 5L, 9L), 9L)).contains(3L);
        // the last one went away: the turn passes to whoever follows it
        assertThat(TicketRouting.nextInTurn(List.of(3L, 9L), 5L)).contains(9L);
        assertThat(TicketRouting.nextInTurn(List.of(), 5L)).isEqualTo(Optional.empty());
    }

    private static AssignmentRule rule(Condition... conditions) {
        return AssignmentRule.create(
                new AssignmentRule.Definition(
                        "r", true, true, List.of(conditions), List.of(new Action("add_tags", "vip")), null),
                1,
                Instant.EPOCH);
    }
}
