package io.safaridesk.worker.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How far the outbox relay is behind: {@code safaridesk.outbox.pending} (events not yet published) and
 * {@code safaridesk.outbox.oldest.age} (seconds since the oldest of them was written; 0 when none waits). Read from the
 * partial index of unpublished rows every {@code safaridesk.outbox.lag-interval}; every replica reports the same
 * value, so dashboards take the max.
 */
@Component
class OutboxLag {

    private static final Logger log = LoggerFactory.getLogger(OutboxLag.class);

    private final JdbcClient jdbc;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Double> oldestAge = new AtomicReference<>(0.0);

    OutboxLag(DataSource dataSource, MeterRegistry meters) {
        this.jdbc = JdbcClient.create(dataSource);
        Gauge.builder("safaridesk.outbox.pending", pending, AtomicLong::get)
                .description("Domain events written but not yet published to RabbitMQ")
                .register(meters);
        Gauge.builder("safaridesk.outbox.oldest.age", oldestAge, AtomicReference::get)
                .description("Age of the oldest unpublished domain event")
                .baseUnit("seconds")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${safaridesk.outbox.lag-interval:15s}", initialDelay = 0)
    void refresh() {
        try {
            jdbc.sql("select count(*) as pending,"
                            + " coalesce(extract(epoch from now() - min(created_at)), 0) as age"
                            + " from platform.outbox where published_at is null")
                    .query((rs, n) -> {
                        pending.set(rs.getLong("pending"));
                        oldestAge.set(rs.getDouble("age"));
                        return null;
                    })
                    .list();
        } catch (DataAccessException unreachable) {
            log.debug("Outbox lag unknown: {}", unreachable.getMessage());
        }
    }
}
