package io.safaridesk.domain.kb;

import io.safaridesk.domain.settings.Settings;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.i18n.LanguageTag;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * Lists and searches articles with one SQL statement each. Search is PostgreSQL full-text search over the weighted,
 * GIN-indexed vector (title A, excerpt and tags B, body C) in web-search syntax ({@code "exact phrase"}, {@code -not},
 * {@code or}), the last word also matching as a prefix (type-ahead); results come by rank with highlighted title and
 * body snippets ({@code <mark>}, the rest HTML-escaped), in keyset pages on (rank, id). A query in a language uses that
 * language's configuration; without one, the workspace's default language's and {@code simple} (for languages without
 * a stemmer). A first page without hits is recorded for {@link KbAnalytics#searchMisses}.
 */
@Component
@Transactional(readOnly = true)
public class KbSearch {

    private static final Pattern LAST_WORD = Pattern.compile("(?:^|\\s)([\\p{L}\\p{N}]+)$");
    private static final String MARK = "\uE000";
    private static final String UNMARK = "\uE001";
    private static final String TITLE_OPTIONS = "HighlightAll=true, StartSel=" + MARK + ", StopSel=" + UNMARK;
    private static final String BODY_OPTIONS = "MaxFragments=2, MaxWords=30, MinWords=10, FragmentDelimiter=\" … \","
            + " StartSel=" + MARK + ", StopSel=" + UNMARK;

    @PersistenceContext
    private EntityManager entityManager;

    private final KbCategories categories;
    private final KbAnalytics analytics;
    private final Settings settings;

    KbSearch(KbCategories categories, KbAnalytics analytics, Settings settings) {
        this.categories = categories;
        this.analytics = analytics;
        this.settings = settings;
    }

    /** Who reads: the staff see every article (filtered as asked); readers only published public ones. */
    public enum Audience {
        STAFF,
        READER
    }

    /**
     * Filters that combine with AND; null means any. {@code category} includes its whole subtree; {@code language}
     * ({@code en}) also matches its regional variants ({@code en-GB}). Status and visibility apply to the staff only.
     */
    public record Filter(
            ArticleStatus status, ArticleVisibility visibility, Long category, String tag, LanguageTag language) {}

    /** One search hit: the article, its rank, its title and a body snippet with the matches in {@code <mark>}. */
    public record Hit(KbArticle article, float rank, String titleHighlight, String snippet) {}

    /** A page of hits and the cursor of the next (null on the last page). */
    public record Results(List<Hit> hits, String nextCursor) {}

    /** Articles in id order after {@code afterId}. */
    public List<KbArticle> list(Filter filter, Audience audience, long afterId, int limit) {
        Sql sql = conditions(filter, audience);
        sql.where("a.id > :afterId", Map.of("afterId", afterId));
        Query statement = entityManager.createNativeQuery(
                "select a.* from kb_articles a where " + sql.conditions() + " order by a.id limit :limit",
                KbArticle.class);
        sql.parameters.forEach(statement::setParameter);
        statement.setParameter("limit", limit);
        @SuppressWarnings("unchecked")
        List<KbArticle> articles = statement.getResultList();
        return articles;
    }

    @Transactional
    public Results search(String text, Filter filter, Audience audience, String cursor, int limit) {
        String query = text == null ? "" : text.strip();
        if (query.isEmpty() || query.length() > 200) {
            throw ApiProblem.invalidField("q", "must be 1 to 200 characters");
        }
        Position after = Position.decode(cursor);
        Sql sql = conditions(filter, audience);
        sql.parameters.put("text", query);
        List<String> configs = configs(filter.language());
        Matcher last = LAST_WORD.matcher(query);
        boolean prefix = last.find() && query.chars().filter(c -> c == '"').count() % 2 == 0;
        if (prefix) {
            sql.parameters.put("head", query.substring(0, last.start(1)).strip());
            sql.parameters.put("prefix", last.group(1).toLowerCase(Locale.ROOT) + ":*");
        }
        List<String> perConfig = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            String config = "cast(:config" + i + " as regconfig)";
            sql.parameters.put("config" + i, configs.get(i));
            perConfig.add(
                    prefix
                            ? "(websearch_to_tsquery(" + config + ", :text) || (websearch_to_tsquery(" + config
                                    + ", :head) && to_tsquery(" + config + ", :prefix)))"
                            : "websearch_to_tsquery(" + config + ", :text)");
        }
        // a scalar sub-query: computed once per statement (an init plan), also in a generic plan of the prepared
        // statement, where the parameters keep the planner from folding the expression into a constant
        String tsquery = "(select " + String.join(" || ", perConfig) + ")";
        String rank = "ts_rank(a.search, " + tsquery + ")";
        if (after != null) {
            sql.where(
                    "(" + rank + ", a.id) < (cast(:afterRank as real), :afterId)",
                    Map.of("afterRank", after.rank(), "afterId", after.id()));
        }
        Query statement = entityManager.createNativeQuery("select h.id, h.rank, ts_headline(a.search_config, a.title, "
                + tsquery + ", :titleOptions), ts_headline(a.search_config, a.body_text, " + tsquery + ", :bodyOptions)"
                + " from (select a.id, " + rank + " as rank from kb_articles a where a.search @@ " + tsquery + " and "
                + sql.conditions() + " order by rank desc, a.id desc limit :limit) h join kb_articles a on a.id = h.id"
                + " order by h.rank desc, h.id desc");
        sql.parameters.forEach(statement::setParameter);
        statement.setParameter("titleOptions", TITLE_OPTIONS);
        statement.setParameter("bodyOptions", BODY_OPTIONS);
        statement.setParameter("limit", limit);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = statement.getResultList();
        Map<Long, KbArticle> articles = rows.isEmpty()
                ? Map.of()
                : entityManager
                        .createQuery("select a from KbArticle a where a.id in :ids", KbArticle.class)
                        .setParameter(
                                "ids",
                                rows.stream()
                                        .map(row -> ((Number) row[0]).longValue())
                                        .toList())
                        .getResultStream()
                        .collect(Collectors.toMap(KbArticle::id, Function.identity()));
        List<Hit> hits = rows.stream()
                .map(row -> new Hit(
                        articles.get(((Number) row[0]).longValue()),
                        ((Number) row[1]).floatValue(),
                        marked((String) row[2]),
                        marked((String) row[3])))
                .toList();
        if (hits.isEmpty() && after == null) {
            analytics.recordMiss(query);
        }
        String next = hits.size() == limit
                ? new Position(hits.getLast().rank(), hits.getLast().article().id()).encode()
                : null;
        return new Results(hits, next);
    }

    /** The search configurations of the query: the language's, else the workspace default's and simple. */
    private List<String> configs(LanguageTag language) {
        if (language != null) {
            return List.of(SearchLanguages.configFor(language));
        }
        Set<String> configs = new LinkedHashSet<>();
        configs.add(SearchLanguages.configFor(new LanguageTag(settings.current().defaultLanguage())));
        configs.add(SearchLanguages.SIMPLE);
        return List.copyOf(configs);
    }

    private Sql conditions(Filter filter, Audience audience) {
        Sql sql = new Sql();
        if (audience == Audience.READER) {
            sql.where("a.status = 'PUBLISHED' and a.visibility = 'PUBLIC'", Map.of());
        } else {
            if (filter.status() != null) {
                sql.where("a.status = :status", Map.of("status", filter.status().name()));
            }
            if (filter.visibility() != null) {
                sql.where(
                        "a.visibility = :visibility",
                        Map.of("visibility", filter.visibility().name()));
            }
        }
        if (filter.category() != null) {
            sql.where(
                    "a.category_id = any(cast(:categories as bigint[]))",
                    Map.of(
                            "categories",
                            categories.subtree("category", filter.category()).toArray(Long[]::new)));
        }
        if (filter.tag() != null) {
            sql.where(
                    "a.tags @> array[cast(:tag as text)]",
                    Map.of("tag", filter.tag().strip().toLowerCase(Locale.ROOT)));
        }
        if (filter.language() != null) {
            sql.where(
                    "(a.language = :language or a.language like :languagePrefix)",
                    Map.of(
                            "language",
                            filter.language().value(),
                            "languagePrefix",
                            filter.language().value() + "-%"));
        }
        return sql;
    }

    /** Escapes {@code headline} for HTML and turns the match markers into {@code <mark>} elements. */
    private static String marked(String headline) {
        return headline == null
                ? null
                : HtmlUtils.htmlEscape(headline).replace(MARK, "<mark>").replace(UNMARK, "</mark>");
    }

    /** Where a search page ended: the last hit's rank and id. */
    private record Position(float rank, long id) {

        String encode() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(("rank:" + rank + ":" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
                if (parts.length != 3 || !parts[0].equals("rank")) {
                    throw new IllegalArgumentException(cursor);
                }
                return new Position(Float.parseFloat(parts[1]), Long.parseLong(parts[2]));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidField("cursor", "is not a cursor this API gave out");
            }
        }
    }

    /** The conditions and their named parameters, collected in order. */
    private static final class Sql {
        private final List<String> conditions = new ArrayList<>(List.of("true"));
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        void where(String condition, Map<String, Object> parameters) {
            conditions.add(condition);
            this.parameters.putAll(parameters);
        }

        String conditions() {
            return String.join(" and ", conditions);
        }
    }
}
