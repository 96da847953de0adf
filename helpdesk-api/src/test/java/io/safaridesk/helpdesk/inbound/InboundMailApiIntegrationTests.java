package io.safaridesk.helpdesk.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import io.safaridesk.infra.stack.TestServices;
import io.safaridesk.platform.storage.FileStore;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Mailboxes and the inbound mail log: admins only, per workspace, passwords sealed and never shown. */
class InboundMailApiIntegrationTests extends TwoWorkspaceApiTests {

    private static final String MAILBOXES = "/api/v1/settings/mailboxes";
    private static final String INBOUND = "/api/v1/settings/inbound-mail";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FileStore files;

    private static Map<String, Object> mailbox(String address, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Help desk");
        body.put("address", address);
        body.put("host", TestServices.endpoints().mail().imapHost());
        body.put("port", TestServices.endpoints().mail().imapPort());
        body.put("tls", false);
        body.put("username", address);
        body.put("password", password);
        // the worker would read an enabled one: these only prove the API, the worker tests prove reading
        body.put("enabled", false);
        return body;
    }

    private static String address() {
        return "help-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
    }

    @Test
    void anAdminManagesAMailboxTestsItsConnectionAndNeverSeesThePassword() {
        String address = address();
        Api.Reply created = api.send(HttpMethod.POST, MAILBOXES, acmeAdmin, mailbox(address, "imap-s3cret"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("password_set").asBoolean()).isTrue();
        assertThat(created.body().get("folder").asText()).isEqualTo("INBOX");
        assertThat(created.body().get("enabled").asBoolean()).isFalse();
        assertThat(created.body().toString()).doesNotContain("imap-s3cret");
        assertThat(jdbc.sql("select password from " + acme.slug().schemaName() + ".mailboxes where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .startsWith("v1:")
                .doesNotContain("imap-s3cret");

        Api.Reply probe = api.send(HttpMethod.POST, MAILBOXES + "/" + id + "/test", acmeAdmin, null);
        assertThat(probe.status()).isEqualTo(200);
        assertThat(probe.body().get("ok").asBoolean())
                .as(probe.body().toString())
                .isTrue();
        assertThat(probe.body().get("messages").isNumber()).isTrue();

        Map<String, Object> unreachable = mailbox(address, null);
        unreachable.put("port", 1);
        unreachable.put("version", created.body().get("version").asInt());
        Api.Reply changed = api.send(HttpMethod.PUT, MAILBOXES + "/" + id, acmeAdmin, unreachable);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("password_set").asBoolean())
                .as("an omitted password keeps the stored one")
                .isTrue();
        Api.Reply failed = api.send(HttpMethod.POST, MAILBOXES + "/" + id + "/test", acmeAdmin, null);
        assertThat(failed.body().get("ok").asBoolean()).isFalse();
        assertThat(failed.body().get("error").asText()).isNotBlank();
        Api.Reply stale = api.send(HttpMethod.PUT, MAILBOXES + "/" + id, acmeAdmin, unreachable);
        assertThat(stale.status()).as("a stale version").isEqualTo(409);

        assertThat(api.get(MAILBOXES, acmeAdmin).body().toString()).contains(address);
        assertThat(api.send(HttpMethod.DELETE, MAILBOXES + "/" + id, acmeAdmin, null)
                        .status())
                .isEqualTo(204);
        assertThat(api.get(MAILBOXES + "/" + id, acmeAdmin).status()).isEqualTo(404);
    }

    @Test
    void anotherWorkspaceAgentsAndAnonymousCallersCannotReachAMailbox() {
        long id = api.send(HttpMethod.POST, MAILBOXES, acmeAdmin, mailbox(address(), "pw"))
                .body()
                .get("id")
                .asLong();
        String path = MAILBOXES + "/" + id;

        assertThat(api.get(path, globexAdmin).status()).isEqualTo(404);
        assertThat(api.send(HttpMethod.PUT, path, globexAdmin, mailbox(address(), "x"))
                        .status())
                .isEqualTo(404);
        assertThat(api.send(HttpMethod.POST, path + "/test", globexAdmin, null).status())
                .isEqualTo(404);
        assertThat(api.send(HttpMethod.DELETE, path, globexAdmin, null).status())
                .isEqualTo(404);
        assertThat(api.get(MAILBOXES, globexAdmin).body().toString()).doesNotContain("\"id\":" + id + ",");

        String agent = acme.token(acme.addUser("agent"));
        assertThat(api.get(MAILBOXES, agent).status()).isEqualTo(403);
        assertThat(api.get(INBOUND + "/log", agent).status()).isEqualTo(403);
        assertThat(api.send(HttpMethod.PUT, INBOUND, agent, Map.of("sender_limit_per_hour", 5))
                        .status())
                .isEqualTo(403);
        assertThat(api.get(path, null).status()).isEqualTo(401);
        assertThat(api.get(INBOUND + "/log", null).status()).isEqualTo(401);
        assertThat(api.get(path, acmeAdmin).status()).as("still there").isEqualTo(200);
    }

    @Test
    void badMailboxInputIsNamed() {
        Map<String, Object> bad = mailbox("not an address", null);
        bad.put("port", 70000);
        bad.put("host", "bad host!");
        Api.Reply refused = api.send(HttpMethod.POST, MAILBOXES, acmeAdmin, bad);
        assertThat(refused.status()).isIn(400, 422);
        assertThat(refused.contentType().toString()).contains("problem+json");
        assertThat(refused.body().get("errors").toString()).contains("address", "port", "host");

        Api.Reply noPassword = api.send(HttpMethod.POST, MAILBOXES, acmeAdmin, mailbox(address(), null));
        assertThat(noPassword.status()).isEqualTo(422);
        assertThat(noPassword.body().get("errors").toString()).contains("password");

        String taken = address();
        assertThat(api.send(HttpMethod.POST, MAILBOXES, acmeAdmin, mailbox(taken, "pw"))
                        .status())
                .isEqualTo(201);
        Api.Reply duplicate = api.send(HttpMethod.POST, MAILBOXES, acmeAdmin, mailbox(taken.toUpperCase(), "pw"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().get("errors").toString()).contains("address");
        assertThat(api.send(HttpMethod.POST, MAILBOXES, globexAdmin, mailbox(taken, "pw"))
                        .status())
                .as("another workspace may use the same address")
                .isEqualTo(201);
        assertThat(api.get(MAILBOXES + "/999999", acmeAdmin).status()).isEqualTo(404);
    }

    @Test
    void adminsSetHowMailIsTakenInAndReadWhyEachMailWentWhereItDid() {
        Api.Reply defaults = api.get(INBOUND, acmeAdmin);
        assertThat(defaults.body().get("non_participant").asText()).isEqualTo("NEW_TICKET");
        assertThat(defaults.body().get("sender_limit_per_hour").asInt()).isEqualTo(20);
        Api.Reply changed = api.send(
                HttpMethod.PUT, INBOUND, acmeAdmin, Map.of("non_participant", "note", "sender_limit_per_hour", 5));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("non_participant").asText()).isEqualTo("NOTE");
        assertThat(api.get(INBOUND, globexAdmin).body().get("non_participant").asText())
                .as("per workspace")
                .isEqualTo("NEW_TICKET");
        Api.Reply badAction = api.send(HttpMethod.PUT, INBOUND, acmeAdmin, Map.of("non_participant", "ignore"));
        assertThat(badAction.status()).isEqualTo(422);
        assertThat(badAction.body().get("errors").toString()).contains("non_participant");
        Api.Reply badLimit = api.send(HttpMethod.PUT, INBOUND, acmeAdmin, Map.of("sender_limit_per_hour", 0));
        assertThat(badLimit.status()).isEqualTo(422);
        assertThat(badLimit.body().get("errors").toString()).contains("sender_limit_per_hour");

        // the worker writes the log; the API reads it
        String messageId = "<" + UUID.randomUUID() + "@customer.test>";
        jdbc.sql("insert into " + acme.slug().schemaName() + ".inbound_mails (message_id, from_address, subject, rule,"
                        + " detail) values (?, 'bob@customer.test', 'Out of office', 'REFUSED_AUTO_SUBMITTED', null),"
                        + " (?, 'bob@customer.test', 'Printer', 'NEW_TICKET', null)")
                .params(messageId, messageId.replace("<", "<2"))
                .update();
        Api.Reply log = api.get(INBOUND + "/log?rule=refused_auto_submitted", acmeAdmin);
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.body().get("items")).hasSize(1);
        assertThat(log.body().get("items").get(0).get("message_id").asText()).isEqualTo(messageId);
        assertThat(log.body().get("items").get(0).get("rule").asText()).isEqualTo("REFUSED_AUTO_SUBMITTED");
        Api.Reply page = api.get(INBOUND + "/log?from=BOB@customer.test&limit=1", acmeAdmin);
        assertThat(page.body().get("items")).hasSize(1);
        assertThat(page.body().get("next_cursor").asText()).isNotBlank();
        assertThat(api.get(INBOUND + "/log", globexAdmin).body().toString())
                .as("another workspace sees none of it")
                .doesNotContain(messageId);
        long logged = log.body().get("items").get(0).get("id").asLong();
        assertThat(api.download(INBOUND + "/log/" + logged + "/raw", acmeAdmin).status())
                .as("no MIME kept for this one")
                .isEqualTo(404);

        String key = "inbound/test/" + UUID.randomUUID() + ".eml";
        byte[] mime = ("Message-ID: " + messageId + "\r\nSubject: kept\r\n\r\nbody\r\n").getBytes();
        files.put(acme.slug(), key, mime);
        long kept = jdbc.sql("insert into " + acme.slug().schemaName() + ".inbound_mails (message_id, rule,"
                        + " raw_storage_key) values (?, 'NEW_TICKET', ?) returning id")
                .params("<kept-" + UUID.randomUUID() + "@customer.test>", key)
                .query(Long.class)
                .single();
        Api.Download raw = api.download(INBOUND + "/log/" + kept + "/raw", acmeAdmin);
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.contentType().toString()).startsWith("message/rfc822");
        assertThat(raw.content()).isEqualTo(mime);
        assertThat(api.download(INBOUND + "/log/" + kept + "/raw", globexAdmin).status())
                .as("another workspace's log has no such mail")
                .isEqualTo(404);
        Api.Reply badRule = api.get(INBOUND + "/log?rule=MAYBE", acmeAdmin);
        assertThat(badRule.status()).isEqualTo(422);
        assertThat(badRule.body().get("errors").toString()).contains("rule");
    }
}
