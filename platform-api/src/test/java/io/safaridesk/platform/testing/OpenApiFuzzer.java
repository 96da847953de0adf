package io.safaridesk.platform.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A seeded property-based fuzzer driven by an OpenAPI document: for every operation it makes requests whose path,
 * query and header parameters and JSON or multipart bodies mix plausible values with hostile ones (NUL, unpaired
 * surrogates, bad percent-encoding, traversal, injection strings, huge and wrongly typed values, broken JSON,
 * multipart without a boundary), sends them byte for byte and checks the property every answer must have: no 5xx,
 * and every error an RFC 9457 problem. The same seed always makes the same requests.
 */
public final class OpenApiFuzzer {

    /** The seed of every run in the build; a failure names its case, which this seed makes again. */
    public static final long SEED = 0x5AFA_D35CL;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final List<String> HOSTILE = List.of(
            "",
            " ",
            "\u0000",
            "a\u0000b",
            "\ud800",
            "x\udc00y",
            "\uffff",
            "%00",
            "%zz",
            "%",
            "..%2F..%2Fetc%2Fpasswd",
            "../../etc/passwd",
            "' OR '1'='1",
            "\"; drop table tickets; --",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}",
            "{{7*7}}",
            "\u0001\u0002\u001b[31m",
            "-1",
            "0",
            "9223372036854775808",
            "-9223372036854775809",
            "1e309",
            "NaN",
            "true",
            "null",
            "[]",
            "{}",
            "\u202egnp.exe",
            "\uD83D\uDE00",
            "\\",
            "/",
            "2026-13-45",
            "9999-12-31T23:59:59Z",
            "a".repeat(10_000));

    private static final List<String> RAW_PATH = List.of("%00", "%2F", "..%2F", "%zz", "%C0%AF", "%ff", "%25", "a%5Cb");

    private OpenApiFuzzer() {}

    /** One operation of a document. */
    public record Operation(String method, String path, JsonNode spec) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** One generated request. */
    public record Case(String method, String target, Map<String, String> headers, byte[] body) {
        String describe() {
            String text = new String(body, StandardCharsets.UTF_8);
            return method + " " + target + " " + headers + " "
                    + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    /** What a case was answered; {@link #broken()} when the answer breaks the property. */
    public record Answer(Case request, int status, String contentType, String body) {
        public boolean broken() {
            return status >= 500
                    || (status >= 400
                            && !(contentType.startsWith("application/problem+json") && body.contains("\"type\"")));
        }

        @Override
        public String toString() {
            return request.describe() + " -> " + status + " " + contentType + " "
                    + (body.length() > 500 ? body.substring(0, 500) : body);
        }
    }

    /** The OpenAPI document served at {@code path} by the service on {@code port}. */
    public static JsonNode document(int port, String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return JsonMapper.shared().readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException("no OpenAPI document at " + path, e);
        }
    }

    public static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (List.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                    operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()));
                }
            }
        }
        return operations;
    }

    /**
     * The cases of one operation: {@code count} of them, from a seed of {@link #SEED} and the operation, so each
     * operation's cases stay the same whatever else the document holds. {@code known} gives plausible values for
     * path parameters by name (a real workspace slug), so that cases reach past the lookup into the database.
     */
    public static List<Case> cases(
            JsonNode document, Operation operation, int count, Function<String, String> known, String token) {
        Random random = new Random(SEED ^ operation.toString().hashCode());
        Generator generator = new Generator(document, random);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cases.add(generator.request(operation, known, token));
        }
        return cases;
    }

    /** Sends {@code request} on a socket and answers what came back. */
    public static Answer check(int port, Case request) {
        StringBuilder head = new StringBuilder(request.method() + " " + request.target() + " HTTP/1.1");
        request.headers()
                .forEach((name, value) ->
                        head.append("\r\n").append(name).append(": ").append(value));
        RawHttp.Response response = RawHttp.send(port, head.toString(), request.body());
        return new Answer(request, response.status(), response.contentType(), response.body());
    }

    private static final class Generator {
        private final JsonNode document;
        private final Random random;

        Generator(JsonNode document, Random random) {
            this.document = document;
            this.random = random;
        }

        Case request(Operation operation, Function<String, String> known, String token) {
            String path = operation.path();
            StringBuilder query = new StringBuilder();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", random.nextInt(4) == 0 ? "text/html" : "application/json");
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            for (JsonNode parameter : iterable(operation.spec().get("parameters"))) {
                parameter = resolve(parameter);
                String name = parameter.get("name").asString();
                String in = parameter.get("in").asString();
                JsonNode schema = resolve(parameter.get("schema"));
                switch (in) {
                    case "path" -> path = path.replace("{" + name + "}", pathValue(name, schema, known));
                    case "query" -> {
                        if (random.nextInt(3) > 0) {
                            query.append(query.isEmpty() ? "?" : "&")
                                    .append(encode(name))
                                    .append('=')
                                    .append(queryValue(schema));
                        }
                    }
                    case "header" -> headers.put(name, headerValue());
                    default -> {}
                }
            }
            byte[] body = new byte[0];
            JsonNode content = operation.spec().path("requestBody").path("content");
            if (content.has("multipart/form-data")) {
                body = multipart(resolve(content.get("multipart/form-data").get("schema")), headers);
            } else if (!content.isMissingNode() && !content.isEmpty()) {
                JsonNode schema = resolve(
                        content.properties().iterator().next().getValue().get("schema"));
                body = jsonBody(schema, headers);
            } else if (random.nextInt(5) == 0) {
                headers.put("Content-Type", pick(List.of("application/json", "text/plain", "application/x-unknown")));
                body = pick(HOSTILE).getBytes(StandardCharsets.UTF_8);
            }
            return new Case(operation.method(), path + query, headers, body);
        }

        private String pathValue(String name, JsonNode schema, Function<String, String> known) {
            String plausible = known.apply(name);
            return switch (random.nextInt(6)) {
                case 0, 1 -> plausible != null ? plausible : plausible(schema);
                case 2 -> pick(RAW_PATH);
                default -> encodePath(pick(HOSTILE));
            };
        }

        private String queryValue(JsonNode schema) {
            return switch (random.nextInt(5)) {
                case 0, 1 -> encode(plausible(schema));
                case 2 -> pick(RAW_PATH);
                default -> encode(pick(HOSTILE));
            };
        }

        private String headerValue() {
            String value = pick(HOSTILE);
            StringBuilder safe = new StringBuilder();
            // CR and LF would end the header itself; the rest of the hostile text goes in as it is (as ISO-8859-1)
            value.chars().filter(c -> c != '\r' && c != '\n' && c < 256).forEach(c -> safe.append((char) c));
            return safe.toString();
        }

        private byte[] jsonBody(JsonNode schema, Map<String, String> headers) {
            switch (random.nextInt(10)) {
                case 0 -> {
                    headers.put("Content-Type", "application/json");
                    return pick(List.of("{", "[]", "null", "\"x\"", "{\"a\":", "{\"a\":1}}", "\u0000"))
                            .getBytes(StandardCharsets.UTF_8);
                }
                case 1 -> {
                    headers.put("Content-Type", "application/json");
                    return new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
                }
                case 2 -> {
                    headers.put(
                            "Content-Type", pick(List.of("text/plain", "application/xml", "application/x-unknown")));
                    return "{}".getBytes(StandardCharsets.UTF_8);
                }
                default -> {
                    headers.put("Content-Type", "application/json");
                    return JsonMapper.shared().writeValueAsBytes(value(schema, 0));
                }
            }
        }

        private byte[] multipart(JsonNode schema, Map<String, String> headers) {
            String boundary = "fuzz" + random.nextInt(1_000_000);
            headers.put(
                    "Content-Type",
                    random.nextInt(5) == 0 ? "multipart/form-data" : "multipart/form-data; boundary=" + boundary);
            StringBuilder body = new StringBuilder();
            for (Map.Entry<String, JsonNode> property : properties(schema)) {
                JsonNode type = resolve(property.getValue());
                boolean file = "binary".equals(type.path("format").asString(""))
                        || "binary".equals(type.path("items").path("format").asString(""));
                body.append("--").append(boundary).append("\r\n");
                if (file) {
                    String fileName = random.nextBoolean()
                            ? "fuzz.png"
                            : pick(HOSTILE).replace("\"", "").replace("\r", "").replace("\n", "");
                    body.append("Content-Disposition: form-data; name=\"")
                            .append(property.getKey())
                            .append("\"; filename=\"")
                            .append(fileName)
                            .append("\"\r\n")
                            .append("Content-Type: ")
                            .append(pick(List.of("image/png", "text/plain", "application/x-msdownload")))
                            .append("\r\n\r\n")
                            .append(random.nextBoolean() ? "\u0089PNG\r\n" : pick(HOSTILE))
                            .append("\r\n");
                } else {
                    body.append("Content-Disposition: form-data; name=\"")
                            .append(property.getKey())
                            .append("\"\r\n\r\n")
                            .append(random.nextBoolean() ? plausible(type) : pick(HOSTILE))
                            .append("\r\n");
                }
            }
            if (random.nextInt(6) == 0) {
                return body.toString().getBytes(StandardCharsets.UTF_8); // cut short: no closing boundary
            }
            body.append("--").append(boundary).append("--\r\n");
            return body.toString().getBytes(StandardCharsets.UTF_8);
        }

        private JsonNode value(JsonNode schema, int depth) {
            schema = resolve(schema);
            if (random.nextInt(5) == 0) {
                return hostileNode();
            }
            String type = typeOf(schema);
            return switch (type) {
                case "object" -> {
                    ObjectNode object = NODES.objectNode();
                    if (depth < 4) {
                        for (Map.Entry<String, JsonNode> property : properties(schema)) {
                            if (random.nextInt(5) > 0) {
                                object.set(property.getKey(), value(property.getValue(), depth + 1));
                            }
                        }
                    }
                    yield object;
                }
                case "array" -> {
                    ArrayNode array = NODES.arrayNode();
                    int size = random.nextInt(4);
                    for (int i = 0; i < size && depth < 4; i++) {
                        array.add(value(schema.path("items"), depth + 1));
                    }
                    yield array;
                }
                case "integer" -> NODES.numberNode(pick(List.of(1L, 2L, 0L, -1L, Long.MAX_VALUE)));
                case "number" -> NODES.numberNode(pick(List.of(1.5, -0.0, 1e308)));
                case "boolean" -> NODES.booleanNode(random.nextBoolean());
                default -> NODES.stringNode(random.nextBoolean() ? plausible(schema) : pick(HOSTILE));
            };
        }

        private JsonNode hostileNode() {
            return switch (random.nextInt(6)) {
                case 0 -> NODES.nullNode();
                case 1 -> NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
                case 2 -> NODES.objectNode().put("\u0000", "x");
                case 3 -> NODES.arrayNode().add("\u0000").add(1);
                default -> NODES.stringNode(pick(HOSTILE));
            };
        }

        private String plausible(JsonNode schema) {
            schema = resolve(schema);
            if (schema.has("enum") && !schema.get("enum").isEmpty()) {
                JsonNode values = schema.get("enum");
                return values.get(random.nextInt(values.size())).asString();
            }
            return switch (typeOf(schema)) {
                case "integer", "number" -> pick(List.of("1", "2", "0", "-1"));
                case "boolean" -> random.nextBoolean() ? "true" : "false";
                default ->
                    switch (schema.path("format").asString("")) {
                        case "email" -> "fuzz@example.test";
                        case "date-time" -> "2026-01-01T00:00:00Z";
                        case "date" -> "2026-01-01";
                        case "uuid" -> "00000000-0000-0000-0000-000000000000";
                        default -> pick(List.of("fuzz", "open", "me", "a,b", "2026-01-01"));
                    };
            };
        }

        private String typeOf(JsonNode schema) {
            JsonNode type = schema.get("type");
            if (type != null && type.isArray() && !type.isEmpty()) {
                return type.get(0).asString();
            }
            if (type != null && type.isString()) {
                return type.asString();
            }
            return schema.has("properties") ? "object" : "string";
        }

        private List<Map.Entry<String, JsonNode>> properties(JsonNode schema) {
            List<Map.Entry<String, JsonNode>> properties = new ArrayList<>();
            schema = resolve(schema);
            for (JsonNode part : iterable(schema.get("allOf"))) {
                properties.addAll(properties(part));
            }
            if (schema.has("properties")) {
                properties.addAll(schema.get("properties").properties());
            }
            return properties;
        }

        private JsonNode resolve(JsonNode node) {
            if (node == null || node.isMissingNode() || node.isNull()) {
                return NODES.objectNode();
            }
            JsonNode ref = node.get("$ref");
            if (ref == null) {
                return node;
            }
            JsonNode target = document;
            for (String segment : ref.asString().substring(2).split("/")) {
                target = target.path(segment);
            }
            return resolve(target);
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        if (node == null || !node.isArray()) {
            return List.of();
        }
        return () -> {
            Iterator<JsonNode> values = node.values().iterator();
            return values;
        };
    }

    /** Percent-encodes every byte outside the unreserved set, as a client would. */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }

    private static String encodePath(String value) {
        String encoded = encode(value);
        return encoded.isEmpty() ? "%20" : encoded;
    }
}
