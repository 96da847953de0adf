package io.safaridesk.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * The services for one test JVM, resolved once: the {@code SAFARIDESK_*} variables where set (as in CI), else
 * throw-away stand-ins on free ports, stopped when the JVM exits.
 */
public final class TestServices {

    private static ServiceEndpoints endpoints;

    private TestServices() {}

    public static synchronized ServiceEndpoints endpoints() {
        if (endpoints == null) {
            Map<String, String> env = System.getenv();
            try {
                LocalStack stack = LocalStack.start(
                        env, StackSettings.ephemeral(Files.createTempDirectory("safaridesk-test-stack"), env));
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "safaridesk-test-stack-stop"));
                endpoints = stack.endpoints();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return endpoints;
    }
}
