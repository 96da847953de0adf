package io.safaridesk.domain.kb;

import io.safaridesk.platform.events.EventTopology;
import java.time.Instant;

/**
 * What happened to a knowledge base article, as the worker and other services learn it: version 1 JSON records on the
 * events exchange, routed by {@link #routingKey()} ({@code kb.article-published}, ...). {@code actorId} is the realm
 * user who acted.
 */
public sealed interface KbArticleEvent {

    long articleId();

    String actorId();

    Instant at();

    String routingKey();

    record ArticleCreated(long articleId, String title, String slug, String language, String actorId, Instant at)
            implements KbArticleEvent {
        public String routingKey() {
            return EventTopology.KB_EVENTS + "article-created";
        }
    }

    record ArticleUpdated(long articleId, int revision, String actorId, Instant at) implements KbArticleEvent {
        public String routingKey() {
            return EventTopology.KB_EVENTS + "article-updated";
        }
    }

    record ArticleSubmittedForReview(long articleId, String title, String actorId, Instant at)
            implements KbArticleEvent {
        public String routingKey() {
            return EventTopology.KB_EVENTS + "article-submitted";
        }
    }

    record ArticlePublished(
            long articleId, String title, String slug, ArticleVisibility visibility, String actorId, Instant at)
            implements KbArticleEvent {
        public String routingKey() {
            return EventTopology.KB_EVENTS + "article-published";
        }
    }

    record ArticleRejected(long articleId, String comment, String actorId, Instant at) implements KbArticleEvent {
        public String routingKey() {
            return EventTopology.KB_EVENTS + "article-rejected";
        }
    }

    record ArticleUnpublished(long articleId, ArticleStatus status, String actorId, Instant at)
            implements KbArticleEvent {
        public String routingKey() {
            return EventTopology.KB_EVENTS + "article-unpublished";
        }
    }

    record ArticleDeleted(long articleId, String actorId, Instant at) implements KbArticleEvent {
        public String routingKey() {
            return EventTopology.KB_EVENTS + "article-deleted";
        }
    }
}
