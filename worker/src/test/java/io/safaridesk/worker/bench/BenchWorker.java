package io.safaridesk.worker.bench;

import io.safaridesk.platform.testing.TestServicesInitializer;
import io.safaridesk.worker.WorkerApplication;
import io.safaridesk.worker.testing.WorkerIntegrationTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A worker for a benchmark, in its JVM: the integration tests' settings (relay and delivery driven by hand), queues of
 * this run alone that expire when it ends (the machine's RabbitMQ is shared), warnings only, and the benchmark's own
 * settings on top.
 */
final class BenchWorker {

    private BenchWorker() {}

    static ConfigurableApplicationContext start(Map<String, Object> overrides) {
        Map<String, Object> settings = new HashMap<>();
        for (String pair :
                WorkerIntegrationTest.class.getAnnotation(SpringBootTest.class).properties()) {
            settings.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        settings.put(
                "safaridesk.messaging.queue-prefix",
                "safaridesk.bench-" + UUID.randomUUID().toString().substring(0, 8));
        settings.put("safaridesk.messaging.queue-expires", "2m");
        settings.put("logging.level.root", "WARN");
        settings.putAll(overrides);
        return new SpringApplicationBuilder(WorkerApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(new TestServicesInitializer())
                .initializers(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource("bench", settings)))
                .run();
    }
}
