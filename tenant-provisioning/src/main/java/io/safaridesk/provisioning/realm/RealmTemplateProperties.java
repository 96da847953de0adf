package io.safaridesk.provisioning.realm;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-deployment settings of the realm template ({@code safaridesk.realm.*}). An empty list keeps the template's
 * default (local development: {@code http://localhost:*} and {@code http://127.0.0.1:*}, web origins {@code +}).
 *
 * @param spaRedirectUris valid redirect URIs of the {@code safaridesk-spa} client
 * @param spaWebOrigins allowed web origins (CORS) of the {@code safaridesk-spa} client
 */
@ConfigurationProperties("safaridesk.realm")
record RealmTemplateProperties(List<String> spaRedirectUris, List<String> spaWebOrigins) {

    RealmTemplateProperties {
        spaRedirectUris = nonBlank(spaRedirectUris);
        spaWebOrigins = nonBlank(spaWebOrigins);
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(value -> !value.isBlank())
                        .map(String::strip)
                        .toList();
    }

    static RealmTemplateProperties templateDefaults() {
        return new RealmTemplateProperties(List.of(), List.of());
    }
}
