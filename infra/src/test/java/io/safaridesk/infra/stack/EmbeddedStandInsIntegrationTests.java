package io.safaridesk.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStandInsIntegrationTests {

    @TempDir
    Path home;

    @Test
    void postgresKeepsItsDataAcrossARestart() throws Exception {
        int port = Ports.findFree();
        ServiceEndpoints.Database database;
        try (EmbeddedPostgresServer postgres =
                EmbeddedPostgresServer.start(home.resolve("pg"), port, List.of("safaridesk"))) {
            database = postgres.database("safaridesk");
            try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), "")) {
                connection
                        .createStatement()
                        .execute("create table kept(v text); insert into kept values ('still here')");
            }
        }
        assertThat(Ports.isFree(port)).isTrue();

        try (EmbeddedPostgresServer ignored =
                        EmbeddedPostgresServer.start(home.resolve("pg"), port, List.of("safaridesk"));
                var connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), "")) {
            ResultSet rows = connection.createStatement().executeQuery("select v from kept");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void amqpBrokerRoutesAMessage() throws Exception {
        try (EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start(home.resolve("amqp"), Ports.findFree())) {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(broker.endpoint().uri());
            try (Connection connection = factory.newConnection();
                    Channel channel = connection.createChannel()) {
                channel.queueDeclare("ping", false, false, true, null);
                channel.basicPublish("", "ping", null, "pong".getBytes(StandardCharsets.UTF_8));

                GetResponse response = channel.basicGet("ping", true);
                assertThat(new String(response.getBody(), StandardCharsets.UTF_8))
                        .isEqualTo("pong");
            }
        }
    }

    @Test
    void mailSentOverSmtpIsReadOverImap() throws Exception {
        try (EmbeddedMailServer mail = EmbeddedMailServer.start(Ports.findFree(), Ports.findFree())) {
            ServiceEndpoints.Mail endpoint = mail.endpoint();
            Properties smtp = new Properties();
            smtp.put("mail.smtp.host", endpoint.smtpHost());
            smtp.put("mail.smtp.port", Integer.toString(endpoint.smtpPort()));
            MimeMessage message = new MimeMessage(Session.getInstance(smtp));
            message.setFrom(new InternetAddress("customer@example.com"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("support@acme.example"));
            message.setSubject("Printer on fire");
            message.setText("Please help");
            Transport.send(message);

            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect(endpoint.imapHost(), endpoint.imapPort(), "support@acme.example", "any");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessages()).extracting(Message::getSubject).containsExactly("Printer on fire");
            store.close();
        }
    }

    @Test
    void keycloakFromTheMavenCentralDistIssuesAnAdminTokenAndLeavesNoProcessBehind() throws Exception {
        KeycloakServer keycloak;
        try (EmbeddedPostgresServer postgres =
                EmbeddedPostgresServer.start(home.resolve("pg"), Ports.findFree(), List.of("keycloak"))) {
            keycloak = KeycloakServer.start(new KeycloakServer.Settings(
                    StackSettings.ephemeral(home, System.getenv()).cache(),
                    home.resolve("logs/keycloak.log"),
                    Ports.findFree(),
                    Ports.findFree(),
                    postgres.database("keycloak"),
                    "admin",
                    "s3cret"));
            try (keycloak;
                    HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> token = http.send(
                        HttpRequest.newBuilder(URI.create(
                                        keycloak.endpoint().url() + "/realms/master/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "grant_type=password&client_id=admin-cli&username=admin&password=s3cret"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(token.statusCode()).isEqualTo(200);
                assertThat(token.body()).contains("access_token");
            }
        }
        assertThat(ProcessHandle.of(keycloak.pid())).isEmpty();
        assertThat(Ports.isFree(keycloak.endpoint().url().getPort())).isTrue();
    }
}
