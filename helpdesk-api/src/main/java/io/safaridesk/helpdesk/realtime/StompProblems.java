package io.safaridesk.helpdesk.realtime;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompConversionException;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeType;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every failure to handle a client's frame into an ERROR frame: {@code message} header = problem type (e.g.
 * {@code destination-refused}), body = an {@code application/problem+json} problem. Unparseable frames are
 * {@code bad-frame}; anything unexpected is {@code internal-error} without details.
 */
final class StompProblems extends StompSubProtocolErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(StompProblems.class);
    static final MimeType PROBLEM_JSON = MimeType.valueOf("application/problem+json");

    private final JsonMapper json;
    private final RealtimeSessions sessions;

    StompProblems(JsonMapper json, RealtimeSessions sessions) {
        this.json = json;
        this.sessions = sessions;
    }

    @Override
    public Message<byte[]> handleClientMessageProcessingError(Message<byte[]> clientMessage, Throwable error) {
        // Spring passes no client message when the bytes could not be decoded (an unknown command throws a plain
        // IllegalArgumentException, not a StompConversionException): that is the client's bad frame, not our failure
        StompRefusal refusal = clientMessage == null
                ? StompRefusal.badFrame("The frame could not be read as STOMP")
                : beforeConnect(clientMessage)
                        ? StompRefusal.unauthenticated("CONNECT with a workspace token first")
                        : refusal(error);
        if (refusal.status().is5xxServerError()) {
            log.error("STOMP frame failed", error);
        } else {
            log.warn("STOMP frame refused: {} {}", refusal.type(), refusal.getMessage());
        }
        StompHeaderAccessor accessor = StompHeaderAccessor.create(StompCommand.ERROR);
        if (clientMessage != null) {
            StompHeaderAccessor client = StompHeaderAccessor.wrap(clientMessage);
            if (client.getReceipt() != null) {
                accessor.setReceiptId(client.getReceipt());
            }
        }
        return frame(accessor, refusal, json);
    }

    /** An ERROR frame carrying {@code refusal}, on {@code accessor} (which may already name the session). */
    static Message<byte[]> frame(StompHeaderAccessor accessor, StompRefusal refusal, JsonMapper json) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://safaridesk.io/problems/" + refusal.type());
        problem.put("title", refusal.status().getReasonPhrase());
        problem.put("status", refusal.status().value());
        problem.put("detail", refusal.getMessage());
        byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        accessor.setMessage(refusal.type());
        accessor.setContentType(PROBLEM_JSON);
        accessor.setContentLength(body.length);
        accessor.setLeaveMutable(true);
        return MessageBuilder.createMessage(body, accessor.getMessageHeaders());
    }

    /**
     * Whether the frame is not a CONNECT and its session has not connected: Spring refuses it itself ("Unknown session")
     * before any interceptor sees it.
     */
    private boolean beforeConnect(Message<byte[]> clientMessage) {
        StompHeaderAccessor client = StompHeaderAccessor.wrap(clientMessage);
        boolean connecting = client.getCommand() == StompCommand.CONNECT || client.getCommand() == StompCommand.STOMP;
        return !connecting && sessions.find(client.getSessionId()).isEmpty();
    }

    private static StompRefusal refusal(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof StompRefusal refusal) {
                return refusal;
            }
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof StompConversionException) {
                return StompRefusal.badFrame("The frame could not be read as STOMP");
            }
        }
        return StompRefusal.internal();
    }
}
