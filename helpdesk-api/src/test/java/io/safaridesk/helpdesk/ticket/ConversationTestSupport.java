package io.safaridesk.helpdesk.ticket;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.platform.testing.TestHttp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Set-up steps and raw HTTP calls the ticket conversation tests share. */
final class ConversationTestSupport {

    private final Api api;
    private final RestClient http;

    ConversationTestSupport(Api api, int port) {
        this.api = api;
        this.http = TestHttp.at(port);
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    long ticket(String token, Long departmentId, String requesterEmail) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", "Printer on fire " + suffix());
        body.put("description", "<p>It burns</p>");
        body.put("requester", Map.of("name", "Req Uester", "email", requesterEmail));
        if (departmentId != null) {
            body.put("department_id", departmentId);
        }
        Api.Reply created = api.send(HttpMethod.POST, "/api/v1/tickets", token, body);
        if (created.status() != 201) {
            throw new IllegalStateException("ticket not created: " + created.body());
        }
        return created.body().get("id").asLong();
    }

    long department(String adminToken) {
        return api.send(HttpMethod.POST, "/api/v1/department/create", adminToken, Map.of("name", "Dept " + suffix()))
                .body()
                .get("id")
                .asLong();
    }

    /** A staff user with an agent profile, and optionally departments. */
    record Staff(String token, long agentId, String email) {}

    Staff agent(TestWorkspace workspace, String adminToken, List<Long> departments) {
        TestWorkspace.User user = workspace.addUser("agent");
        String token = workspace.token(user);
        api.get("/api/v1/me", token);
        JsonNode found = api.get("/api/v1/agent/list?search=" + user.username(), adminToken)
                .body()
                .get("items")
                .get(0);
        long id = found.get("id").asLong();
        if (!departments.isEmpty()) {
            Api.Reply updated = api.send(
                    HttpMethod.PUT,
                    "/api/v1/agent/update/" + id,
                    adminToken,
                    Map.of("name", "Agent " + user.username(), "departments", departments));
            if (updated.status() != 200) {
                throw new IllegalStateException("agent not updated: " + updated.body());
            }
        }
        return new Staff(token, id, user.username());
    }

    /** The caller's own id as agent (admins included). */
    long agentIdOf(String adminToken, String email) {
        return api.get("/api/v1/agent/list?search=" + email, adminToken)
                .body()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
    }

    Api.Reply upload(String path, String token, String filename, byte[] content, Long messageId) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        partHeaders.setContentDispositionFormData("file", filename);
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new HttpEntity<>(new NamedBytes(content, filename), partHeaders));
        if (messageId != null) {
            parts.add("message_id", messageId.toString());
        }
        return http.post()
                .uri(path)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts)
                .exchange((request, response) -> {
                    byte[] bytes = response.getBody().readAllBytes();
                    return new Api.Reply(
                            response.getStatusCode().value(),
                            response.getHeaders().getContentType(),
                            bytes.length == 0 ? null : JsonMapper.shared().readTree(bytes));
                });
    }

    ResponseEntity<byte[]> download(String path, String token) {
        return http.get()
                .uri(path)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                        .headers(response.getHeaders())
                        .body(response.getBody().readAllBytes()));
    }

    private static final class NamedBytes extends ByteArrayResource {
        private final String filename;

        NamedBytes(byte[] content, String filename) {
            super(content);
            this.filename = filename;
        }

        @Override
        public String getFilename() {
            return filename;
        }
    }
}
