package io.safaridesk.provisioning.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Looks for the token in the TXT records at {@code _safaridesk-challenge.<domain>}. Every check asks the resolver
 * afresh, with a cache of its own, so that a record published after a failed check is seen by the next one (as soon as
 * the resolver itself sees it).
 */
final class DnsTxtCheck {

    static final String CHALLENGE_LABEL = "_safaridesk-challenge";
    private static final int MAX_SHOWN_VALUES = 3;

    private final Resolver resolver;
    private final Duration timeout;

    /**
     * @param server the DNS server to ask, {@code null} for the system's resolvers
     * @param timeout how long a check may take
     */
    DnsTxtCheck(@Nullable InetSocketAddress server, Duration timeout) {
        this.timeout = timeout;
        if (server != null) {
            var simple = new SimpleResolver(server);
            simple.setTimeout(timeout);
            this.resolver = simple;
        } else {
            var system = new ExtendedResolver();
            for (Resolver each : system.getResolvers()) {
                each.setTimeout(timeout);
            }
            system.setTimeout(timeout);
            this.resolver = system;
        }
    }

    static Name challengeName(DomainName domain) {
        try {
            return Name.fromString(CHALLENGE_LABEL + "." + domain.value() + ".");
        } catch (TextParseException e) {
            throw new IllegalStateException("A valid domain name makes a valid DNS name: " + domain, e);
        }
    }

    CheckOutcome check(DomainName domain, VerificationToken expected) {
        Name name = challengeName(domain);
        String where = name.toString(true);
        var watched = new WatchedResolver(resolver);
        var lookup = new Lookup(name, Type.TXT, DClass.IN);
        lookup.setResolver(watched);
        lookup.setCache(null); // a temporary cache for this lookup alone
        Record[] answers = lookup.run();
        return switch (lookup.getResult()) {
            case Lookup.SUCCESSFUL -> compare(where, answers, expected);
            case Lookup.TYPE_NOT_FOUND -> CheckOutcome.failed("no TXT record at " + where);
            case Lookup.HOST_NOT_FOUND ->
                CheckOutcome.failed("no TXT record at " + where + " (the name does not exist)");
            case Lookup.TRY_AGAIN -> CheckOutcome.failed(tryAgain(where, lookup.getErrorString(), watched.timedOut()));
            default -> CheckOutcome.failed("the DNS lookup of " + where + " failed: " + lookup.getErrorString());
        };
    }

    private String tryAgain(String where, String error, boolean timedOut) {
        if (timedOut || "timed out".equals(error)) {
            return "the DNS resolver did not answer within " + Reasons.seconds(timeout) + " for " + where;
        }
        return "the DNS resolver could not look up " + where + " (" + error + "); try again later";
    }

    private static CheckOutcome compare(String where, Record[] answers, VerificationToken expected) {
        List<String> values = new ArrayList<>();
        for (Record answer : answers) {
            if (answer instanceof TXTRecord txt) {
                String value = joined(txt);
                if (expected.matches(value)) {
                    return CheckOutcome.passed("TXT record at " + where);
                }
                values.add(value);
            }
        }
        if (values.isEmpty()) {
            return CheckOutcome.failed("no TXT record at " + where);
        }
        return CheckOutcome.failed("the TXT record at " + where + " holds a different value ("
                + values.stream().limit(MAX_SHOWN_VALUES).map(Reasons::quoted).collect(Collectors.joining(", "))
                + ") than the token " + expected.value());
    }

    /** The character strings of one record, concatenated without separators (RFC 7208 section 3.3). */
    private static String joined(TXTRecord txt) {
        var bytes = new ByteArrayOutputStream();
        for (byte[] string : txt.getStringsAsByteArrays()) {
            bytes.writeBytes(string);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Passes queries on and remembers whether one timed out: {@link Lookup} reports a timeout of dnsjava 3.6's
     * asynchronous resolvers as a "network error", and people signing up deserve to know which it was.
     */
    private static final class WatchedResolver implements Resolver {

        private final Resolver resolver;
        private volatile boolean timedOut;

        WatchedResolver(Resolver resolver) {
            this.resolver = resolver;
        }

        boolean timedOut() {
            return timedOut;
        }

        @Override
        public Message send(Message query) throws IOException {
            try {
                return resolver.send(query);
            } catch (IOException e) {
                timedOut |= isTimeout(e);
                throw e;
            }
        }

        private static boolean isTimeout(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof TimeoutException
                        || cause instanceof InterruptedIOException
                        || (cause.getMessage() != null && cause.getMessage().startsWith("Timed out"))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public CompletionStage<Message> sendAsync(Message query) {
            return resolver.sendAsync(query);
        }

        @Override
        public Duration getTimeout() {
            return resolver.getTimeout();
        }

        @Override
        public void setTimeout(Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setPort(int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setTCP(boolean flag) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setIgnoreTruncation(boolean flag) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setTSIGKey(TSIG key) {
            throw new UnsupportedOperationException();
        }
    }
}
