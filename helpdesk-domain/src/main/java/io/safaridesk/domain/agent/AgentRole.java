package io.safaridesk.domain.agent;

import io.safaridesk.platform.error.ApiProblem;
import java.util.Locale;

/** The realm role that makes a workspace user staff: {@code admin} manages the workspace, {@code agent} works tickets. */
public enum AgentRole {
    ADMIN,
    AGENT;

    /** The Keycloak realm role and JSON value: {@code admin} or {@code agent}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code value} ({@code admin} or {@code agent}); anything else is bad input in field {@code role}. */
    public static AgentRole of(String value) {
        if (value != null) {
            for (AgentRole role : values()) {
                if (role.value().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return role;
                }
            }
        }
        throw ApiProblem.invalidField("role", "must be admin or agent");
    }
}
