package io.safaridesk.infra.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.regex.Pattern;

/** Creates and drops whole databases on a PostgreSQL server (for the stack's and the tests' own databases). */
public final class PostgresDatabases {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private PostgresDatabases() {}

    /** Creates database {@code name} on the server that {@code admin} reaches, unless it exists. */
    public static void createIfMissing(ServiceEndpoints.Database admin, String name) {
        requireSafeName(name);
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " at " + admin.jdbcUrl(), e);
        }
    }

    /** Drops database {@code name} (closing its connections) and creates it empty. */
    public static void recreate(ServiceEndpoints.Database admin, String name) {
        requireSafeName(name);
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password())) {
            connection.createStatement().execute("drop database if exists " + name + " with (force)");
            connection.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not recreate database " + name + " at " + admin.jdbcUrl(), e);
        }
    }

    /** The same server's URL with another database name. */
    public static ServiceEndpoints.Database withDatabase(ServiceEndpoints.Database database, String name) {
        requireSafeName(name);
        String url = database.jdbcUrl();
        int pathStart = url.indexOf('/', "jdbc:postgresql://".length());
        int queryStart = url.indexOf('?');
        String query = queryStart < 0 ? "" : url.substring(queryStart);
        String server =
                pathStart < 0 ? (queryStart < 0 ? url : url.substring(0, queryStart)) : url.substring(0, pathStart);
        return new ServiceEndpoints.Database(server + "/" + name + query, database.user(), database.password());
    }

    private static void requireSafeName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a safe database name: " + name);
        }
    }
}
