package io.safaridesk.domain.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safaridesk.platform.error.ApiProblem;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Which outbox events set which trigger events off, and what a trigger learns from an event's payload. */
class TriggerEventUnitTests {

    private static JsonNode json(String json) {
        return JsonMapper.shared().readTree(json.replace('\'', '"'));
    }

    @Test
    void repliesAreToldApartByTheirAuthor() {
        JsonNode byAgent = json("{'ticket_id':1,'author_agent_id':7,'author_contact_id':null}");
        JsonNode byCustomer = json("{'ticket_id':1,'author_agent_id':null,'author_contact_id':3}");
        JsonNode withoutAgentField = json("{'ticket_id':1,'author_contact_id':3}");

        assertThat(TriggerEvent.AGENT_REPLY.matches("ticket.reply-added", byAgent))
                .isTrue();
        assertThat(TriggerEvent.CUSTOMER_REPLY.matches("ticket.reply-added", byAgent))
                .isFalse();
        assertThat(TriggerEvent.CUSTOMER_REPLY.matches("ticket.reply-added", byCustomer))
                .isTrue();
        assertThat(TriggerEvent.CUSTOMER_REPLY.matches("ticket.reply-added", withoutAgentField))
                .isTrue();
        assertThat(TriggerEvent.AGENT_REPLY.matches("ticket.reply-added", byCustomer))
                .isFalse();
    }

    @Test
    void updatedIsEveryChangeAfterCreation() {
        JsonNode payload = json("{'ticket_id':1}");
        for (String type : new String[] {
            "ticket.updated", "ticket.status-changed", "ticket.assigned", "ticket.reply-added", "ticket.note-added"
        }) {
            assertThat(TriggerEvent.UPDATED.matches(type, payload)).as(type).isTrue();
        }
        assertThat(TriggerEvent.UPDATED.matches("ticket.created", payload)).isFalse();
        assertThat(TriggerEvent.UPDATED.matches("ticket.mention-made", payload)).isFalse();
        assertThat(TriggerEvent.SLA_BREACHED.matches("sla.breached", payload)).isTrue();
        assertThat(TriggerEvent.CSAT_RECEIVED.matches("ticket.satisfaction-received", payload))
                .isTrue();
        assertThat(TriggerEvent.relevant("ticket.mention-made")).isFalse();
        assertThat(TriggerEvent.relevant("export.ready")).isFalse();
        assertThat(TriggerEvent.relevant("sla.at-risk")).isTrue();
    }

    @Test
    void eventsAreNamedInSnakeCaseAndAnUnknownOneIsRefusedNamingTheField() {
        assertThat(TriggerEvent.of("events[0]", " Customer_Reply ")).isEqualTo(TriggerEvent.CUSTOMER_REPLY);
        assertThatThrownBy(() -> TriggerEvent.of("events[2]", "exploded"))
                .isInstanceOfSatisfying(
                        ApiProblem.InvalidInput.class,
                        problem ->
                                assertThat(problem.fields().getFirst().field()).isEqualTo("events[2]"));
    }

    @Test
    void theChangesOfAnEventAreReadFromItsPayload() {
        assertThat(AutomationRuns.changes(
                        "ticket.status-changed", json("{'from_status':'Open','to_status':'Pending'}")))
                .isEqualTo(Map.of("status", new RuleFacts.Change("Open", "Pending")));
        assertThat(AutomationRuns.changes("ticket.assigned", json("{'assignee_id':12,'previous_assignee_id':null}")))
                .isEqualTo(Map.of("assignee_id", new RuleFacts.Change(null, "12")));
        assertThat(AutomationRuns.changes(
                        "ticket.updated",
                        json("{'changes':[{'field':'priority','old_value':'MEDIUM','new_value':'HIGH'},"
                                + "{'field':'department_id','old_value':null,'new_value':'4'}]}")))
                .isEqualTo(Map.of(
                        "priority",
                        new RuleFacts.Change("MEDIUM", "HIGH"),
                        "department_id",
                        new RuleFacts.Change(null, "4")));
        assertThat(AutomationRuns.changes("ticket.created", json("{'ticket_id':1}")))
                .isEmpty();
    }
}
