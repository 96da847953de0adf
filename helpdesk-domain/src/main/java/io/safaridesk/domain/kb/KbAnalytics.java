package io.safaridesk.domain.kb;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What readers do with the knowledge base: views counted once per visitor and day (UTC), one helpful / not helpful
 * vote per visitor (voting again changes it), searches that found nothing, and the popular (most viewed ever) and
 * trending (most viewed lately) published articles. A visitor is a signed-in user's id, or for the anonymous portal a
 * keyed hash (HMAC-SHA256, {@code safaridesk.kb.visitor-key}) of IP address and user agent: no address is stored.
 */
@Component
@Transactional
public class KbAnalytics {

    @PersistenceContext
    private EntityManager entityManager;

    private final SecretKeySpec visitorKey;
    private final Clock clock;

    KbAnalytics(@Value("${safaridesk.kb.visitor-key:safaridesk-development-visitor-key}") String key, Clock clock) {
        this.visitorKey = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** Views and votes of one article. */
    public record Stats(long views, long helpful, long notHelpful) {}

    /** An article with how often it was viewed (in the period asked for). */
    public record Ranked(KbArticle article, long views) {}

    /** A search that found nothing: how often, first and last time. */
    public record Miss(String query, long count, Instant firstAt, Instant lastAt) {}

    /** The visitor id of a signed-in user. */
    public String user(String userId) {
        return "u:" + userId;
    }

    /** The visitor id of an anonymous reader: a keyed hash of address and user agent. */
    public String anonymous(String address, String userAgent) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(visitorKey);
            byte[] hash = mac.doFinal(
                    (address + "\n" + (userAgent == null ? "" : userAgent)).getBytes(StandardCharsets.UTF_8));
            return "a:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Counts a view of the article, unless this visitor viewed it today already; answers whether it counted. */
    public boolean recordView(long articleId, String visitor) {
        int counted = entityManager
                .createNativeQuery("with seen as (insert into kb_article_views (article_id, visitor, day) values"
                        + " (:article, :visitor, :day) on conflict do nothing returning 1) insert into kb_article_stats"
                        + " (article_id, views) select :article, count(*) from seen having count(*) > 0 on conflict"
                        + " (article_id) do update set views = kb_article_stats.views + excluded.views")
                .setParameter("article", articleId)
                .setParameter("visitor", visitor)
                .setParameter("day", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate();
        return counted > 0;
    }

    /** Records the visitor's vote on the article, replacing an earlier one. */
    public void vote(long articleId, String voter, boolean helpful) {
        entityManager
                .createNativeQuery("insert into kb_article_votes (article_id, voter, helpful, voted_at) values"
                        + " (:article, :voter, :helpful, :at) on conflict (article_id, voter) do update set helpful ="
                        + " excluded.helpful, voted_at = excluded.voted_at")
                .setParameter("article", articleId)
                .setParameter("voter", voter)
                .setParameter("helpful", helpful)
                .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    @Transactional(readOnly = true)
    public Stats stats(long articleId) {
        Object[] row = (Object[]) entityManager
                .createNativeQuery("select coalesce((select views from kb_article_stats where article_id = :article),"
                        + " 0), count(*) filter (where helpful), count(*) filter (where not helpful) from"
                        + " kb_article_votes where article_id = :article")
                .setParameter("article", articleId)
                .getSingleResult();
        return new Stats(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }

    /** The most viewed published articles ever; public ones only unless {@code staff}. */
    @Transactional(readOnly = true)
    public List<Ranked> popular(boolean staff, int limit) {
        return ranked(
                "select s.article_id, s.views from kb_article_stats s join kb_articles a on a.id = s.article_id where"
                        + " a.status = 'PUBLISHED' " + (staff ? "" : "and a.visibility = 'PUBLIC' ")
                        + "order by s.views desc, s.article_id limit :limit",
                null,
                limit);
    }

    /** The published articles most viewed over the last {@code days} days (today included). */
    @Transactional(readOnly = true)
    public List<Ranked> trending(boolean staff, int days, int limit) {
        return ranked(
                "select v.article_id, count(*) as views from kb_article_views v join kb_articles a on a.id ="
                        + " v.article_id where v.day >= :since and a.status = 'PUBLISHED' "
                        + (staff ? "" : "and a.visibility = 'PUBLIC' ")
                        + "group by v.article_id order by views desc, v.article_id limit :limit",
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days - 1L),
                limit);
    }

    private List<Ranked> ranked(String sql, LocalDate since, int limit) {
        var query = entityManager.createNativeQuery(sql).setParameter("limit", limit);
        if (since != null) {
            query.setParameter("since", since);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(row -> new Ranked(
                        entityManager.find(KbArticle.class, ((Number) row[0]).longValue()),
                        ((Number) row[1]).longValue()))
                .toList();
    }

    /** What a portal visitor did, as the KB deflection report counts it. */
    public enum PortalActivity {
        SEARCH,
        VIEW,
        TICKET
    }

    /**
     * Notes, now, a portal search (its first page, with words), an article read or a ticket opened through the web form
     * by {@code visitor}: the KB deflection report compares a visitor's reading with the tickets they open.
     */
    public void recordPortal(String visitor, PortalActivity kind, Long articleId, Long ticketId) {
        entityManager
                .createNativeQuery("insert into kb_portal_activity (visitor, kind, article_id, ticket_id, at) values"
                        + " (:visitor, :kind, cast(:article as bigint), cast(:ticket as bigint), :at)")
                .setParameter("visitor", visitor)
                .setParameter("kind", kind.name())
                .setParameter("article", articleId)
                .setParameter("ticket", ticketId)
                .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    /** Notes a search that found nothing (lower case, spaces collapsed). */
    public void recordMiss(String query) {
        String normalised = query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        entityManager
                .createNativeQuery("insert into kb_search_misses (query, count, first_at, last_at) values (:query, 1,"
                        + " :at, :at) on conflict (query) do update set count = kb_search_misses.count + 1, last_at ="
                        + " excluded.last_at")
                .setParameter("query", normalised.substring(0, Math.min(200, normalised.length())))
                .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    /** The searches that found nothing, most frequent first. */
    @Transactional(readOnly = true)
    public List<Miss> searchMisses(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select query, count, first_at, last_at from kb_search_misses order by count desc,"
                        + " last_at desc limit :limit")
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(row -> new Miss((String) row[0], ((Number) row[1]).longValue(), instant(row[2]), instant(row[3])))
                .toList();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("Not a time: " + value);
        };
    }
}
