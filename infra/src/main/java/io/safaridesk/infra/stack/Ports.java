package io.safaridesk.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks and free-port lookup for the local stack. */
public final class Ports {

    private Ports() {}

    static void requireValid(int port, String what) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " must be a port between 1 and 65535, was: " + port);
        }
    }

    /** Whether nothing listens on {@code port} of the loopback interface. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // as servers bind: a port whose old connections linger in TIME_WAIT is free
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /**
     * Fails with a message that names the port, what wanted it and how to choose another, when the port is taken.
     *
     * @param variable the environment variable that chooses this port
     */
    public static void requireFree(int port, String what, String variable) {
        if (!isFree(port)) {
            throw new PortTakenException("Port " + port + " for " + what
                    + " is already in use. Stop what listens there, or choose another port with " + variable + ".");
        }
    }

    /** A port that was free a moment ago. */
    public static int findFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }

    /** A port the stack needs is taken by another process. */
    public static final class PortTakenException extends RuntimeException {
        PortTakenException(String message) {
            super(message);
        }
    }
}
