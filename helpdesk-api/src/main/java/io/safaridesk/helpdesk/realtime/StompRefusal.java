package io.safaridesk.helpdesk.realtime;

import org.springframework.http.HttpStatus;
import org.springframework.messaging.MessagingException;

/**
 * A STOMP frame the server refuses: answered with an ERROR frame whose {@code message} header is the problem type and
 * whose body is an RFC 9457 problem, then the connection is closed (as STOMP requires after ERROR).
 */
final class StompRefusal extends MessagingException {

    private final HttpStatus status;
    private final String type;

    private StompRefusal(HttpStatus status, String type, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
    }

    HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }

    static StompRefusal unauthenticated(String detail) {
        return new StompRefusal(HttpStatus.UNAUTHORIZED, "unauthenticated", detail);
    }

    static StompRefusal tokenExpired() {
        return new StompRefusal(
                HttpStatus.UNAUTHORIZED,
                "token-expired",
                "The session's token has expired: connect again with a fresh token");
    }

    static StompRefusal forbidden(String type, String detail) {
        return new StompRefusal(HttpStatus.FORBIDDEN, type, detail);
    }

    static StompRefusal destinationRefused(String destination) {
        return forbidden("destination-refused", "You may not subscribe to " + destination);
    }

    static StompRefusal sendRefused() {
        return new StompRefusal(
                HttpStatus.METHOD_NOT_ALLOWED,
                "send-refused",
                "This endpoint only delivers events; make changes through the REST API");
    }

    static StompRefusal internal() {
        return new StompRefusal(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The frame could not be handled");
    }

    static StompRefusal badFrame(String detail) {
        return new StompRefusal(HttpStatus.BAD_REQUEST, "bad-frame", detail);
    }
}
