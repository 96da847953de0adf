package io.safaridesk.worker.mail;

import io.safaridesk.domain.mail.SecretBox;
import io.safaridesk.domain.mail.SmtpServer;
import io.safaridesk.platform.tenancy.TenantSlug;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Which SMTP server a workspace's mail goes through: its own (read from the workspace's {@code mail_settings} at most
 * once a minute, the password opened with {@link SecretBox}) or the platform's. Plain JDBC on the schema-qualified
 * table, so that it works inside the delivery's platform transaction.
 */
public class MailTransports {

    private static final Duration TTL = Duration.ofSeconds(60);

    private final JavaMailSender platform;
    private final JdbcClient jdbc;
    private final SecretBox box;
    private final Clock clock;
    private final ConcurrentMap<TenantSlug, Cached> cache = new ConcurrentHashMap<>();

    public MailTransports(JavaMailSender platform, DataSource dataSource, SecretBox box, Clock clock) {
        this.platform = platform;
        this.jdbc = JdbcClient.create(dataSource);
        this.box = box;
        this.clock = clock;
    }

    /** What a workspace's mail goes through: its own server or the platform's, or nothing when it is gone. */
    private record Cached(Optional<JavaMailSender> sender, Instant until) {}

    /**
     * The sender of {@code workspace}'s mail, or empty when the workspace's schema no longer exists (deleted): that
     * mail has nowhere to come from. The schema is looked up before its table is read, because a missing relation would
     * abort the delivery's transaction and with it every other workspace's mail of the batch.
     */
    public Optional<JavaMailSender> forWorkspace(TenantSlug workspace) {
        Instant now = clock.instant();
        Cached cached = cache.get(workspace);
        if (cached == null || cached.until().isBefore(now)) {
            cached = new Cached(lookUp(workspace), now.plus(TTL));
            cache.put(workspace, cached);
        }
        return cached.sender();
    }

    private Optional<JavaMailSender> lookUp(TenantSlug workspace) {
        String settings = workspace.schemaName() + ".mail_settings";
        boolean exists = jdbc.sql("select to_regclass(?) is not null")
                .param(settings)
                .query(Boolean.class)
                .single();
        if (!exists) {
            return Optional.empty();
        }
        Optional<SmtpServer> own = jdbc.sql("select smtp_host, smtp_port, smtp_username, smtp_password, smtp_starttls,"
                        + " from_address from " + settings)
                .query((rs, n) -> new SmtpServer(
                        rs.getString("smtp_host"),
                        rs.getInt("smtp_port"),
                        rs.getString("smtp_username"),
                        rs.getString("smtp_password") == null ? null : box.open(rs.getString("smtp_password")),
                        rs.getBoolean("smtp_starttls"),
                        rs.getString("from_address")))
                .optional();
        return Optional.of(own.map(MailTransports::sender).orElse(platform));
    }

    public JavaMailSender platform() {
        return platform;
    }

    private static JavaMailSender sender(SmtpServer server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(server.host());
        sender.setPort(server.port());
        sender.setUsername(server.username());
        sender.setPassword(server.password());
        sender.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        properties.put("mail.smtp.auth", String.valueOf(server.username() != null));
        properties.put("mail.smtp.starttls.enable", String.valueOf(server.startTls()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "30000");
        properties.put("mail.smtp.writetimeout", "30000");
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
