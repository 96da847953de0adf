package io.safaridesk.platform.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.safaridesk.platform.actor.Actor;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The OpenAPI documents describe the wire: properties in snake_case, as our JSON is written and read
 * ({@code spring.jackson.property-naming-strategy}), no parameter for what the server resolves itself (the calling
 * {@link Actor}), and the refusals every operation can answer, as RFC 9457 problems.
 */
@Configuration(proxyBeanMethods = false)
// only where a service serves API documents: the worker scans this package too and has no springdoc
@ConditionalOnClass(name = "org.springdoc.core.providers.ObjectMapperProvider")
class ApiDocsConventions {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    /**
     * The problems any operation may answer besides what it declares itself: the edge guard, the security chain, rate
     * limits and an unreachable database answer on every route, so each operation lists them, and {@code default}
     * covers the container's rarer refusals (405, 406, 413, 415) and a bug's 500. All are {@code
     * application/problem+json} (docs/reference/errors.md).
     */
    @Bean
    OpenApiCustomizer problemsInApiDocuments() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths()
                    .values()
                    .forEach(path -> path.readOperations().forEach(operation -> {
                        ApiResponses responses =
                                operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                        PROBLEMS.forEach((status, description) -> {
                            if (!responses.containsKey(status)) {
                                responses.addApiResponse(status, problemResponse(description));
                            }
                        });
                        operation.setResponses(responses);
                    }));
        };
    }

    /**
     * A {@code POST} handler that answers through {@code ResponseEntity} (with {@code created(...)}, so a Location
     * goes out) and declares no status of its own answers 201, not the 200 springdoc assumes; one that answers
     * otherwise says so with {@code @ResponseStatus}.
     */
    @Bean
    OperationCustomizer createdAnswers() {
        return (operation, handler) -> {
            boolean created = handler.hasMethodAnnotation(PostMapping.class)
                    && ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType())
                    && !handler.hasMethodAnnotation(ResponseStatus.class)
                    && !handler.hasMethodAnnotation(io.swagger.v3.oas.annotations.responses.ApiResponse.class);
            ApiResponses responses = operation.getResponses();
            if (created && responses != null && responses.containsKey("200") && !responses.containsKey("201")) {
                ApiResponse ok = responses.remove("200");
                responses.addApiResponse("201", ok.description("Created"));
            }
            return operation;
        };
    }

    /**
     * Our JSON writes absent values as {@code null}: every property a schema does not require may be null on the wire,
     * and the documents say so ({@code "null"} among its types).
     */
    @Bean
    OpenApiCustomizer nullableOptionalProperties() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            for (Schema<?> schema : openApi.getComponents().getSchemas().values()) {
                if (schema.getProperties() == null) {
                    continue;
                }
                List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
                for (Map.Entry<String, Schema> entry : schema.getProperties().entrySet()) {
                    String name = entry.getKey();
                    Schema<?> property = entry.getValue();
                    if (required.contains(name) || property.get$ref() != null) {
                        continue;
                    }
                    if (property.getTypes() != null && !property.getTypes().isEmpty()) {
                        Set<String> types = new LinkedHashSet<>(property.getTypes());
                        types.add("null");
                        property.setTypes(types);
                    } else {
                        property.setNullable(true);
                    }
                }
            }
        };
    }

    private static final String PROBLEM = "Problem";

    private static final Map<String, String> PROBLEMS = new LinkedHashMap<>();

    static {
        PROBLEMS.put("400", "The request cannot be read (malformed JSON, parameter or multipart body)");
        PROBLEMS.put("401", "No valid credentials (token or API token), or a refused login");
        PROBLEMS.put("403", "The caller's role or scopes do not allow this, or the workspace is not served");
        PROBLEMS.put("404", "No such resource, or not the caller's");
        PROBLEMS.put("409", "The resource's state refuses the change");
        PROBLEMS.put("422", "A field breaks a rule or cannot be stored; errors names it");
        PROBLEMS.put("429", "A rate limit; with Retry-After and the RateLimit fields");
        PROBLEMS.put("503", "A service this one needs does not answer (database, identity provider); with Retry-After");
        PROBLEMS.put("default", "Any other refusal (405, 406, 413, 415) or a failure on our side (500)");
    }

    private static ApiResponse problemResponse(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Schema<?> problemSchema() {
        Schema<Object> field = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field as the client named it"))
                .addProperty("reason", new StringSchema().description("what is wrong, in plain words"));
        return new ObjectSchema()
                .description("An RFC 9457 problem; clients branch on type")
                .addProperty("type", new StringSchema().description("stable, under https://safaridesk.io/problems/"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(field))
                .required(List.of("type", "title", "status"));
    }

    @Bean
    ModelResolver snakeCaseModels(ObjectMapperProvider mappers) {
        return new ModelResolver(
                mappers.jsonMapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
