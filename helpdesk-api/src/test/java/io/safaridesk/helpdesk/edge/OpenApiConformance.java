package io.safaridesk.helpdesk.edge;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks recorded exchanges against an OpenAPI document: the operation exists for the method and path, the status is
 * declared for it, and a JSON body matches the schema declared for that status and media type. Schemas are checked
 * with networknt's json-schema-validator in the document's OpenAPI dialect; {@code $ref}s resolve into the document.
 */
final class OpenApiConformance {

    private static final String DOCUMENT = "https://safaridesk.test/api-docs";

    /** One request as the test sent it and the answer as it came back. */
    record Exchange(String method, String path, int status, MediaType contentType, JsonNode body) {
        @Override
        public String toString() {
            return method + " " + path + " -> " + status;
        }
    }

    private record Route(String template, Pattern pattern, int variables) {}

    private final JsonNode document;
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, String> resources = new ConcurrentHashMap<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final AtomicInteger inline = new AtomicInteger();
    private final SchemaRegistry registry;

    OpenApiConformance(JsonNode document) {
        this.document = document;
        resources.put(DOCUMENT, document.toString());
        registry = SchemaRegistry.withDefaultDialect(
                document.path("openapi").asString("3.1").startsWith("3.0")
                        ? Dialects.getOpenApi30()
                        : Dialects.getOpenApi31(),
                builder -> builder.schemas(resources::get));
        for (String template : document.path("paths").propertyNames()) {
            String regex = template.replaceAll("\\{[^}]+}", "[^/]+");
            routes.add(new Route(template, Pattern.compile("^" + regex + "/?$"), template.split("\\{", -1).length - 1));
        }
    }

    /** What is wrong with {@code exchange} by the document; empty when it conforms. */
    List<String> violations(Exchange exchange) {
        String path = exchange.path().contains("?")
                ? exchange.path().substring(0, exchange.path().indexOf('?'))
                : exchange.path();
        String method = exchange.method().toLowerCase(java.util.Locale.ROOT);
        Optional<Route> route = routes.stream()
                .filter(r -> r.pattern().matcher(path).matches())
                .filter(r -> document.path("paths").path(r.template()).has(method))
                .min(Comparator.comparingInt(Route::variables));
        if (route.isEmpty()) {
            return List.of(exchange + ": no such operation in the document");
        }
        String pointer = "/paths/" + escape(route.get().template()) + "/" + method;
        JsonNode responses = document.at(pointer + "/responses");
        String code = String.valueOf(exchange.status());
        // a success must be declared as such; "default" stands for the refusals only
        String declared = responses.has(code)
                ? code
                : responses.has(code.charAt(0) + "XX")
                        ? code.charAt(0) + "XX"
                        : exchange.status() >= 400 && responses.has("default") ? "default" : null;
        if (declared == null) {
            return List.of(exchange + ": status not declared for " + method.toUpperCase(java.util.Locale.ROOT) + " "
                    + route.get().template() + " (declared: " + responses.propertyNames() + ")");
        }
        JsonNode response = responses.get(declared);
        if (response.has("$ref")) {
            response = document.at(response.get("$ref").asString().substring(1));
        }
        if (exchange.body() == null) {
            return List.of();
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return List.of(exchange + ": a body where the document declares none");
        }
        JsonNode mediaType = mediaType(content, exchange.contentType());
        if (mediaType == null) {
            return List.of(exchange + ": content type " + exchange.contentType() + " not declared (declared: "
                    + content.propertyNames() + ")");
        }
        if (!mediaType.has("schema")) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        schema(mediaType.get("schema"))
                .validate(exchange.body())
                .forEach(error -> problems.add(exchange + ": " + error));
        return problems;
    }

    private static JsonNode mediaType(JsonNode content, MediaType actual) {
        if (actual != null) {
            for (String declared : content.propertyNames()) {
                if (MediaType.parseMediaType(declared).includes(actual)) {
                    return content.get(declared);
                }
            }
        }
        return null;
    }

    /** The schema, with its references made absolute into the document, compiled once. */
    private Schema schema(JsonNode declared) {
        return schemas.computeIfAbsent(declared.toString(), text -> {
            JsonNode copy = absoluteReferences(JsonMapper.shared().readTree(text));
            String location = "https://safaridesk.test/inline/" + inline.incrementAndGet();
            resources.put(location, copy.toString());
            return registry.getSchema(SchemaLocation.of(location));
        });
    }

    private static JsonNode absoluteReferences(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(name);
                if (name.equals("$ref") && value.isString() && value.asString().startsWith("#")) {
                    object.put(name, DOCUMENT + value.asString());
                } else {
                    absoluteReferences(value);
                }
            }
        } else if (node.isArray()) {
            node.values().forEach(OpenApiConformance::absoluteReferences);
        }
        return node;
    }

    private static String escape(String template) {
        return template.replace("~", "~0").replace("/", "~1");
    }
}
