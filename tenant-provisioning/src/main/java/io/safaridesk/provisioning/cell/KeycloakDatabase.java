package io.safaridesk.provisioning.cell;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.CredentialRepresentation;

/**
 * Reads the credentials of a realm's users, secrets included, from a Keycloak's own PostgreSQL database: the admin API
 * never returns secret data, and a realm cannot move with its passwords and OTP secrets without it. Read-only; the
 * query names Keycloak 26's tables ({@code credential}, {@code user_entity}, {@code realm}).
 */
final class KeycloakDatabase {

    private final String jdbcUrl;
    private final String user;
    private final String password;

    KeycloakDatabase(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalStateException(
                    "A realm cell's database must be a jdbc:postgresql:// URL, was: " + jdbcUrl);
        }
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Each user's credentials in realm {@code realm}, by user id, as an import takes them. */
    Map<String, List<CredentialRepresentation>> credentials(String realm) {
        Map<String, List<CredentialRepresentation>> byUser = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement query = connection.prepareStatement("select c.user_id, c.type, c.user_label,"
                        + " c.created_date, c.secret_data, c.credential_data, c.priority from credential c join"
                        + " user_entity u on u.id = c.user_id join realm r on r.id = u.realm_id where r.name = ?"
                        + " order by c.user_id, c.priority")) {
            connection.setReadOnly(true);
            query.setString(1, realm);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    CredentialRepresentation credential = new CredentialRepresentation();
                    credential.setType(rs.getString("type"));
                    credential.setUserLabel(rs.getString("user_label"));
                    credential.setCreatedDate(rs.getLong("created_date"));
                    credential.setSecretData(rs.getString("secret_data"));
                    credential.setCredentialData(rs.getString("credential_data"));
                    credential.setPriority(rs.getInt("priority"));
                    byUser.computeIfAbsent(rs.getString("user_id"), id -> new ArrayList<>())
                            .add(credential);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the credentials of realm " + realm + " at " + jdbcUrl, e);
        }
        return byUser;
    }
}
