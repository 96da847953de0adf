package io.safaridesk.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** Ticket API tests: two workspaces, SQL access to their schemas for set-up, and the problem assertions. */
abstract class TicketApiTests extends TwoWorkspaceApiTests {

    @Autowired
    JdbcTemplate jdbc;

    /** Works around the core's lazy settings row, which a read-only ticket view cannot create (reported). */
    @BeforeEach
    void workspaceSettingsExist() {
        assertThat(api.get("/api/v1/settings", acmeAdmin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/settings", globexAdmin).status()).isEqualTo(200);
    }

    static void assertField(Api.Reply reply, int status, String field) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.body().get("errors").values())
                .extracting(error -> error.get("field").asString())
                .contains(field);
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
