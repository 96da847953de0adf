package io.safaridesk.provisioning.realm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.util.JsonSerialization;

/**
 * The realm template of module {@code keycloak} ({@value #RESOURCE}), a Keycloak {@link RealmRepresentation}, filled in
 * for one workspace: name, display name, SMTP server, and the SPA client's URLs where configured.
 */
final class RealmTemplate {

    static final String RESOURCE = "/io/safaridesk/keycloak/realm-template.json";
    static final String SPA_CLIENT = "safaridesk-spa";
    static final String SERVICE_CLIENT = "safaridesk-service";

    private final byte[] json;
    private final RealmMail mail;
    private final RealmTemplateProperties settings;

    RealmTemplate(RealmMail mail, RealmTemplateProperties settings) {
        this.mail = mail;
        this.settings = settings;
        try (InputStream in = RealmTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("realm template " + RESOURCE + " is not on the class path");
            }
            this.json = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        forRealm(new RealmSpec("template-check", "Template check")); // a broken template fails at start-up
    }

    /** A fresh representation of the realm of {@code spec}. */
    RealmRepresentation forRealm(RealmSpec spec) {
        RealmRepresentation realm = read();
        realm.setRealm(spec.name());
        realm.setDisplayName(spec.displayName());
        realm.setEnabled(true);
        realm.setSmtpServer(mail.asSmtpServer(spec.displayName()));
        ClientRepresentation spa = client(realm, SPA_CLIENT);
        if (!settings.spaRedirectUris().isEmpty()) {
            spa.setRedirectUris(settings.spaRedirectUris());
        }
        if (!settings.spaWebOrigins().isEmpty()) {
            spa.setWebOrigins(settings.spaWebOrigins());
        }
        return realm;
    }

    private RealmRepresentation read() {
        try {
            // Keycloak's own JSON mapping; it fails on a property RealmRepresentation does not know
            return JsonSerialization.readValue(json, RealmRepresentation.class);
        } catch (IOException e) {
            throw new IllegalStateException("realm template " + RESOURCE + " is not a RealmRepresentation", e);
        }
    }

    static ClientRepresentation client(RealmRepresentation realm, String clientId) {
        return realm.getClients().stream()
                .filter(client -> clientId.equals(client.getClientId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("realm template has no client " + clientId));
    }
}
