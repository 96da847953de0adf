package io.safaridesk.platform.testing;

import java.util.UUID;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The REST client the tests call a service with, and the visitor addresses it speaks for. */
public final class TestHttp {

    private TestHttp() {}

    /**
     * A client for one visitor: every status comes back to the test, nothing is retried, and its requests name a
     * visitor address of its own.
     *
     * <p>Not retried, because the Apache client Spring picks when it is on the class path waits out a 429's
     * {@code Retry-After} (up to an hour on a sign-up limit) and sends again, which turns an assertion about a refusal
     * into a hung build. A visitor of its own, because the services count their rate limits per client address in the
     * shared database, and every test connects from loopback (a trusted proxy): without the forwarded address all the
     * test classes of a build would spend one visitor's sign-up budget.
     */
    public static RestClient at(int port) {
        return RestClient.builder()
                .requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("X-Forwarded-For", freshClientAddress())
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    /** An address from the documentation range that no other test uses. */
    public static String freshClientAddress() {
        String random = UUID.randomUUID().toString();
        return "2001:db8::" + random.substring(0, 4) + ":" + random.substring(4, 8);
    }
}
