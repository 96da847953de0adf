package io.safaridesk.infra.k8s;

import java.util.List;
import java.util.Map;

/**
 * Validates a custom resource against its CRD's structural OpenAPI v3 schema as the API server does: types, enums,
 * required fields, and a field the schema does not declare is an error (the server would silently prune it) unless
 * the schema says {@code x-kubernetes-preserve-unknown-fields}.
 */
final class StructuralSchema {

    private StructuralSchema() {}

    /** Adds to {@code errors} what in {@code value} (at {@code path}) breaks {@code schema}. */
    @SuppressWarnings("unchecked")
    static void validate(Object value, Map<String, Object> schema, String path, List<String> errors) {
        if (value == null) {
            if (!Boolean.TRUE.equals(schema.get("nullable"))) {
                errors.add(path + ": null is not allowed");
            }
            return;
        }
        if (Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"))) {
            if (!(value instanceof String || value instanceof Integer || value instanceof Long)) {
                errors.add(path + ": expected an integer or a string, found " + value);
            }
            return;
        }
        Object enumeration = schema.get("enum");
        if (enumeration instanceof List<?> allowed && !allowed.contains(value)) {
            errors.add(path + ": " + value + " is not one of " + allowed);
        }
        String type = (String) schema.get("type");
        boolean preserveUnknown = Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"));
        if (type == null) {
            return;
        }
        switch (type) {
            case "object" -> {
                if (!(value instanceof Map<?, ?> object)) {
                    errors.add(path + ": expected an object, found " + value);
                    return;
                }
                Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
                Object additional = schema.get("additionalProperties");
                for (Map.Entry<?, ?> field : object.entrySet()) {
                    String name = String.valueOf(field.getKey());
                    String at = path + "." + name;
                    if (properties != null && properties.containsKey(name)) {
                        validate(field.getValue(), (Map<String, Object>) properties.get(name), at, errors);
                    } else if (additional instanceof Map<?, ?> valueSchema) {
                        validate(field.getValue(), (Map<String, Object>) valueSchema, at, errors);
                    } else if (!preserveUnknown && !Boolean.TRUE.equals(additional)) {
                        errors.add(at + ": unknown field");
                    }
                }
                Object required = schema.get("required");
                if (required instanceof List<?> names) {
                    names.stream()
                            .filter(name -> !object.containsKey(name))
                            .forEach(name -> errors.add(path + "." + name + ": required"));
                }
            }
            case "array" -> {
                if (!(value instanceof List<?> items)) {
                    errors.add(path + ": expected an array, found " + value);
                    return;
                }
                Map<String, Object> itemSchema = (Map<String, Object>) schema.get("items");
                for (int i = 0; i < items.size(); i++) {
                    if (itemSchema != null) {
                        validate(items.get(i), itemSchema, path + "[" + i + "]", errors);
                    }
                }
            }
            case "string" -> {
                if (!(value instanceof String)) {
                    errors.add(path + ": expected a string, found " + value);
                }
            }
            case "integer" -> {
                if (!(value instanceof Integer || value instanceof Long)) {
                    errors.add(path + ": expected an integer, found " + value);
                }
            }
            case "number" -> {
                if (!(value instanceof Number)) {
                    errors.add(path + ": expected a number, found " + value);
                }
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) {
                    errors.add(path + ": expected a boolean, found " + value);
                }
            }
            default -> errors.add(path + ": schema type " + type + " not understood");
        }
    }
}
