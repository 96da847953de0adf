package io.safaridesk.worker.testing;

import io.safaridesk.platform.testing.TestServicesInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The worker on the test services (real PostgreSQL, RabbitMQ, SMTP/IMAP): the platform schema migrated here, queues
 * of their own ({@code safaridesk.worker-test.*}, expiring when unused), short retry delays, and the outbox relay,
 * mail delivery and webhook retries driven by the tests rather than by timers, so that each test decides when the broker or SMTP "works".
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "spring.flyway.enabled=true",
            "spring.flyway.schemas=platform",
            "spring.flyway.default-schema=platform",
            "spring.flyway.create-schemas=true",
            "spring.flyway.locations=classpath:db/platform",
            "safaridesk.outbox.relay-enabled=false",
            "safaridesk.mail.delivery-enabled=false",
            "safaridesk.webhooks.sweep-enabled=false",
            "safaridesk.automation.sweep-enabled=false",
            "safaridesk.messaging.queue-prefix=safaridesk.worker-test",
            "safaridesk.messaging.queue-expires=30m",
            "safaridesk.messaging.retry-delays=100ms,300ms",
            "safaridesk.messaging.retry-poll-interval=50ms",
            "safaridesk.messaging.max-attempts=3",
            "safaridesk.mail.retry-initial=100ms",
            "safaridesk.mail.retry-max=500ms"
        })
@ContextConfiguration(initializers = TestServicesInitializer.class)
@Import(WorkerTestWorkspaces.class)
public @interface WorkerIntegrationTest {}
