package io.safaridesk.provisioning.domain;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * A response body read up to a limit: past it, the download is cancelled and the body marked {@code oversized}, so that
 * a large or endless answer costs no more than the limit.
 */
record CappedBody(byte[] bytes, boolean oversized) {

    static BodySubscriber<CappedBody> subscriber(int limit) {
        return new Subscriber(limit);
    }

    private static final class Subscriber implements BodySubscriber<CappedBody> {

        private final int limit;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final CompletableFuture<CappedBody> body = new CompletableFuture<>();
        private Flow.@Nullable Subscription subscription;

        Subscriber(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<CappedBody> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), limit + 1 - received.size());
                byte[] chunk = new byte[take];
                buffer.get(chunk);
                received.writeBytes(chunk);
                if (received.size() > limit) {
                    requireSubscription().cancel();
                    body.complete(new CappedBody(Arrays.copyOf(received.toByteArray(), limit), true));
                    return;
                }
            }
            requireSubscription().request(1);
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(new CappedBody(received.toByteArray(), false));
        }

        private Flow.Subscription requireSubscription() {
            if (subscription == null) {
                throw new IllegalStateException("onNext before onSubscribe");
            }
            return subscription;
        }
    }
}
