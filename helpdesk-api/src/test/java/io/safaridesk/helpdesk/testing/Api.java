package io.safaridesk.helpdesk.testing;

import io.safaridesk.platform.testing.TestHttp;
import java.util.Map;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for API tests: any status comes back as a {@link Reply}, never as an exception. */
public final class Api {

    private final RestClient http;

    private Api(RestClient http) {
        this.http = http;
    }

    public static Api at(int port) {
        return new Api(TestHttp.at(port));
    }

    /** A status, the content type and the parsed JSON body (or null). */
    public record Reply(int status, MediaType contentType, JsonNode body) {
        public String text(String field) {
            JsonNode node = body.get(field);
            return node == null || node.isNull() ? null : node.asString();
        }
    }

    public Reply get(String path, String token) {
        return exchange(HttpMethod.GET, path, token, null, Map.of());
    }

    public Reply send(HttpMethod method, String path, String token, Object body) {
        return exchange(method, path, token, body, Map.of());
    }

    public Reply exchange(HttpMethod method, String path, String token, Object body, Map<String, String> headers) {
        return http.method(method)
                .uri(path)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                    headers.forEach(h::set);
                    h.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
                })
                .body(body == null ? "" : body)
                .contentType(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> {
                    byte[] bytes = response.getBody().readAllBytes();
                    JsonNode json =
                            bytes.length == 0 ? null : JsonMapper.shared().readTree(bytes);
                    return new Reply(
                            response.getStatusCode().value(),
                            response.getHeaders().getContentType(),
                            json);
                });
    }

    /** What a binary GET answered. */
    public record Download(int status, MediaType contentType, byte[] content) {}

    /** Uploads {@code content} as the multipart part {@code part} with PUT, as a browser form would. */
    public Reply upload(String path, String token, String part, String filename, MediaType type, byte[] content) {
        return upload(HttpMethod.PUT, path, token, part, filename, type, content, Map.of());
    }

    /** Uploads {@code content} as the multipart part {@code part} next to plain {@code fields}; no token: anonymous. */
    public Reply upload(
            HttpMethod method,
            String path,
            String token,
            String part,
            String filename,
            MediaType type,
            byte[] content,
            Map<String, String> fields) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(type);
        partHeaders.setContentDispositionFormData(part, filename);
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add(part, new HttpEntity<>(new NamedBytes(content, filename), partHeaders));
        fields.forEach(parts::add);
        return http.method(method)
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
                    return new Reply(
                            response.getStatusCode().value(),
                            response.getHeaders().getContentType(),
                            bytes.length == 0 ? null : JsonMapper.shared().readTree(bytes));
                });
    }

    public Download download(String path, String token) {
        return download(path, token, Map.of());
    }

    /** A GET with {@code headers} (an Accept of the caller's choosing, say), its body as bytes. */
    public Download download(String path, String token, Map<String, String> headers) {
        return http.get()
                .uri(path)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                    headers.forEach(h::set);
                })
                .exchange((request, response) -> new Download(
                        response.getStatusCode().value(),
                        response.getHeaders().getContentType(),
                        response.getBody().readAllBytes()));
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
