package io.safaridesk.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.platform.testing.TestServicesInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestServicesInitializer.class)
class HelpdeskApiApplicationIntegrationTests {

    @Value("${local.server.port}")
    int port;

    @Test
    void reportsReadyOnceItsServicesAnswer() {
        String readiness = RestClient.create("http://127.0.0.1:" + port)
                .get()
                .uri("/actuator/health/readiness")
                .retrieve()
                .body(String.class);

        assertThat(readiness).contains("\"status\":\"UP\"");
    }

    @Test
    void runsRequestsOnVirtualThreads(@Value("${spring.threads.virtual.enabled}") boolean virtualThreads) {
        assertThat(virtualThreads).isTrue();
    }
}
