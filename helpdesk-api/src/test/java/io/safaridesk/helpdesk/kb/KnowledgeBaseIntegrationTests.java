package io.safaridesk.helpdesk.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The knowledge base: the review workflow and roles, revisions, workspace isolation, the anonymous portal (published
 * public articles only), sanitising, search relevance and filters, analytics and bad input.
 */
class KnowledgeBaseIntegrationTests extends TwoWorkspaceApiTests {

    static String agent;
    static String customer;

    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void users() {
        agent = acme.token(acme.addUser("agent"));
        customer = acme.token(acme.addUser("customer"));
    }

    @Test
    void anAgentsPublishWaitsForAnAdminsApprovalAndEveryStepIsPublished() {
        long id = create(agent, article("Reset your password " + unique(), "<p>Open settings.</p>"));
        JsonNode draft = api.get("/api/v1/kb/articles/" + id, agent).body();
        assertThat(draft.get("status").asString()).isEqualTo("draft");

        Api.Reply submitted = step(agent, id, "publish", null);
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.text("status")).isEqualTo("in_review");
        assertThat(step(agent, id, "approve", null).status()).isEqualTo(403);
        Api.Reply noReason = step(acmeAdmin, id, "reject", null);
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(fields(noReason)).containsExactly("comment");

        Api.Reply rejected = step(acmeAdmin, id, "reject", "Add a screenshot");
        assertThat(rejected.text("status")).isEqualTo("draft");
        assertThat(rejected.text("review_comment")).isEqualTo("Add a screenshot");
        assertThat(step(acmeAdmin, id, "approve", null).status()).isEqualTo(409);

        step(agent, id, "publish", null);
        Api.Reply approved = step(acmeAdmin, id, "approve", "Good");
        assertThat(approved.text("status")).isEqualTo("published");
        assertThat(approved.text("published_at")).isNotNull();

        // published articles are the admins' to change
        Api.Reply agentEdit =
                api.send(HttpMethod.PUT, "/api/v1/kb/articles/" + id, agent, article("Changed", "<p>Changed</p>"));
        assertThat(agentEdit.status()).isEqualTo(403);
        assertThat(step(agent, id, "archive", null).status()).isEqualTo(403);
        assertThat(api.send(HttpMethod.DELETE, "/api/v1/kb/articles/" + id, agent, null)
                        .status())
                .isEqualTo(403);
        assertThat(step(acmeAdmin, id, "archive", null).text("status")).isEqualTo("archived");

        assertThat(events(id))
                .containsExactly(
                        "kb.article-created",
                        "kb.article-submitted",
                        "kb.article-rejected",
                        "kb.article-submitted",
                        "kb.article-published",
                        "kb.article-unpublished");
    }

    @Test
    void everyContentChangeKeepsARevisionThatCanBeRestored() {
        long id = create(acmeAdmin, article("Shipping times " + unique(), "<p>Three days</p>"));
        Map<String, Object> second = article("Shipping times", "<p>Two days</p>");
        second.put("version", 0);
        Api.Reply edited = api.send(HttpMethod.PUT, "/api/v1/kb/articles/" + id, acmeAdmin, second);
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().get("revision").asInt()).isEqualTo(2);
        Api.Reply stale = api.send(HttpMethod.PUT, "/api/v1/kb/articles/" + id, acmeAdmin, second);
        assertThat(stale.status()).isEqualTo(409);

        JsonNode revisions = api.get("/api/v1/kb/articles/" + id + "/revisions", acmeAdmin)
                .body()
                .get("items");
        assertThat(revisions.values())
                .extracting(r ->
                        r.get("revision").asInt() + ":" + r.get("body_html").asString())
                .containsExactly("2:<p>Two days</p>", "1:<p>Three days</p>");

        Api.Reply restored =
                api.send(HttpMethod.POST, "/api/v1/kb/articles/" + id + "/revisions/1/restore", acmeAdmin, null);
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.text("body_html")).isEqualTo("<p>Three days</p>");
        assertThat(restored.body().get("revision").asInt()).isEqualTo(3);
        assertThat(api.get("/api/v1/kb/articles/" + id + "/revisions/3", acmeAdmin)
                        .text("note"))
                .isEqualTo("restored revision 1");
        assertThat(api.get("/api/v1/kb/articles/" + id + "/revisions/9", acmeAdmin)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/kb/articles/" + id + "/revisions", customer).status())
                .isEqualTo(403);
    }

    @Test
    void anotherWorkspaceAndAnonymousCallersNeitherReadNorChangeArticles() {
        String word = unique();
        long id = published(acmeAdmin, article("Acme secret " + word, "<p>Acme only " + word + "</p>"), false);
        String path = "/api/v1/kb/articles/" + id;

        assertThat(api.get(path, globexAdmin).status()).isEqualTo(404);
        assertThat(api.send(HttpMethod.PUT, path, globexAdmin, article("Taken", "<p>x</p>"))
                        .status())
                .isEqualTo(404);
        assertThat(step(globexAdmin, id, "archive", null).status()).isEqualTo(404);
        assertThat(api.send(HttpMethod.DELETE, path, globexAdmin, null).status())
                .isEqualTo(404);
        assertThat(api.get(path + "/revisions", globexAdmin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/kb/articles", globexAdmin).body().toString())
                .doesNotContain(word);
        assertThat(api.get("/api/v1/kb/articles/search?q=" + word, globexAdmin)
                        .body()
                        .get("items")
                        .size())
                .isZero();
        for (String anonymous : List.of(path, "/api/v1/kb/articles", "/api/v1/kb/articles/search?q=x")) {
            Api.Reply reply = api.get(anonymous, null);
            assertThat(reply.status()).as(anonymous).isEqualTo(401);
            assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(api.send(HttpMethod.POST, "/api/v1/kb/articles", null, article("x", "<p>x</p>"))
                        .status())
                .isEqualTo(401);
        assertThat(api.send(HttpMethod.POST, "/api/v1/portal/" + globex.slug() + "/kb/articles/x/feedback", null, null)
                        .status())
                .isEqualTo(400);
        assertThat(api.get(path, acmeAdmin).status()).isEqualTo(200);
    }

    @Test
    void customersReadPublishedPublicArticlesOnlyAndNeverWrite() {
        String word = unique();
        long shown = published(acmeAdmin, article("Public " + word, "<p>For everyone " + word + "</p>"), false);
        long internal = published(acmeAdmin, internal(article("Internal " + word, "<p>Staff " + word + "</p>")), false);
        long draft = create(acmeAdmin, article("Draft " + word, "<p>Not yet " + word + "</p>"));

        assertThat(api.get("/api/v1/kb/articles/" + shown, customer).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/kb/articles/" + internal, customer).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/kb/articles/" + draft, customer).status()).isEqualTo(404);
        assertThat(titles(api.get("/api/v1/kb/articles/search?q=" + word, customer)))
                .containsExactly("Public " + word);
        assertThat(api.get("/api/v1/kb/articles?status=draft&limit=100", customer)
                        .body()
                        .toString())
                .doesNotContain("Draft " + word, "Internal " + word);
        assertThat(titles(api.get("/api/v1/kb/articles/search?q=" + word, agent)))
                .containsExactlyInAnyOrder("Public " + word, "Internal " + word, "Draft " + word);

        assertThat(api.send(HttpMethod.POST, "/api/v1/kb/articles", customer, article("Mine", "<p>x</p>"))
                        .status())
                .isEqualTo(403);
        assertThat(api.send(HttpMethod.PUT, "/api/v1/kb/articles/" + shown, customer, article("Mine", "<p>x</p>"))
                        .status())
                .isEqualTo(403);
        assertThat(api.send(HttpMethod.POST, "/api/v1/kb/categories", customer, Map.of("name", "Mine"))
                        .status())
                .isEqualTo(403);
        assertThat(api.send(HttpMethod.POST, "/api/v1/kb/categories", agent, Map.of("name", "Mine"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/kb/analytics/popular", customer).status()).isEqualTo(403);

        // a customer's vote counts once, and changes when cast again
        feedback("/api/v1/kb/articles/" + shown + "/feedback", customer, true);
        JsonNode stats = feedback("/api/v1/kb/articles/" + shown + "/feedback", customer, false);
        assertThat(stats.get("helpful").asLong()).isZero();
        assertThat(stats.get("not_helpful").asLong()).isEqualTo(1);
        assertThat(api.send(
                                HttpMethod.POST,
                                "/api/v1/kb/articles/" + internal + "/feedback",
                                customer,
                                Map.of("helpful", true))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theAnonymousPortalReachesPublishedPublicArticlesOnly() {
        String word = unique();
        Map<String, Object> open = article("Portal " + word, "<p>Open to all " + word + "</p>");
        open.put("slug", "portal-" + word);
        long shown = published(acmeAdmin, open, false);
        Map<String, Object> hidden = internal(article("Hidden " + word, "<p>Staff " + word + "</p>"));
        hidden.put("slug", "hidden-" + word);
        published(acmeAdmin, hidden, false);
        Map<String, Object> draft = article("Draft " + word, "<p>Draft " + word + "</p>");
        draft.put("slug", "draft-" + word);
        create(acmeAdmin, draft);
        Map<String, Object> archived = article("Archived " + word, "<p>Old " + word + "</p>");
        archived.put("slug", "archived-" + word);
        long old = published(acmeAdmin, archived, false);
        step(acmeAdmin, old, "archive", null);

        String portal = "/api/v1/portal/" + acme.slug() + "/kb";
        Api.Reply read = api.get(portal + "/articles/portal-" + word, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("id").asLong()).isEqualTo(shown);
        for (String slug : List.of("hidden-", "draft-", "archived-")) {
            Api.Reply refused = api.get(portal + "/articles/" + slug + word, null);
            assertThat(refused.status()).as(slug).isEqualTo(404);
            assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(titles(api.get(portal + "/articles/search?q=" + word, null))).containsExactly("Portal " + word);
        assertThat(api.get(portal + "/articles?limit=100", null).body().toString())
                .contains("Portal " + word)
                .doesNotContain("Hidden " + word, "Draft " + word, "Archived " + word);
        assertThat(api.get(portal + "/categories", null).status()).isEqualTo(200);

        // the path names the workspace: globex's portal does not have acme's article; unknown portals are 404
        assertThat(api.get("/api/v1/portal/" + globex.slug() + "/kb/articles/portal-" + word, null)
                        .status())
                .isEqualTo(404);
        assertThat(titles(api.get("/api/v1/portal/" + globex.slug() + "/kb/articles/search?q=" + word, null)))
                .isEmpty();
        assertThat(api.get("/api/v1/portal/nosuchworkspace/kb/articles", null).text("type"))
                .endsWith("/portal-not-found");
        assertThat(api.get("/api/v1/portal/NOT_A_SLUG/kb/articles", null).status())
                .isEqualTo(404);
        // a token of another workspace does not make the portal route read that workspace
        assertThat(api.get(portal + "/articles/portal-" + word, globexAdmin).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/portal/" + globex.slug() + "/kb/articles/portal-" + word, acmeAdmin)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void viewsCountOncePerVisitorAndDayAndVotesOncePerVisitor() {
        String word = unique();
        Map<String, Object> body = article("Counted " + word, "<p>Views " + word + "</p>");
        body.put("slug", "counted-" + word);
        long id = published(acmeAdmin, body, false);
        String path = "/api/v1/portal/" + acme.slug() + "/kb/articles/counted-" + word;

        read(path, "Browser A");
        read(path, "Browser A");
        JsonNode third = read(path, "Browser B");
        assertThat(third.get("views").asLong()).isEqualTo(2);
        api.get("/api/v1/kb/articles/" + id, customer);
        api.get("/api/v1/kb/articles/" + id, customer);
        assertThat(api.get("/api/v1/kb/articles/" + id, acmeAdmin)
                        .body()
                        .get("views")
                        .asLong())
                .isEqualTo(3);
        assertThat(JdbcClient.create(dataSource)
                        .sql("select count(*) from " + acme.slug().schemaName() + ".kb_article_views where visitor"
                                + " like '%127.0.0.1%'")
                        .query(Long.class)
                        .single())
                .isZero();

        feedback(path + "/feedback", null, true);
        JsonNode again = feedback(path + "/feedback", null, true);
        assertThat(again.get("helpful").asLong()).isEqualTo(1);

        JsonNode popular =
                api.get("/api/v1/kb/analytics/popular?limit=100", agent).body();
        assertThat(popular.values()).anySatisfy(r -> {
            assertThat(r.get("article").get("id").asLong()).isEqualTo(id);
            assertThat(r.get("views").asLong()).isEqualTo(3);
        });
        assertThat(api.get("/api/v1/kb/analytics/trending?days=1", acmeAdmin)
                        .body()
                        .values())
                .anySatisfy(r -> assertThat(r.get("article").get("id").asLong()).isEqualTo(id));
        assertThat(api.get("/api/v1/kb/analytics/popular?limit=100", globexAdmin)
                        .body()
                        .toString())
                .doesNotContain(word);
    }

    @Test
    void unsafeHtmlNeverSurvives() {
        Api.Reply created = api.send(
                HttpMethod.POST,
                "/api/v1/kb/articles",
                acmeAdmin,
                article(
                        "Unsafe " + unique(),
                        "<p onclick=\"alert(1)\">Text</p><script>alert(2)</script><img src=\"https://a.example/x.png\""
                                + " onerror=\"alert(3)\"><a href=\"javascript:alert(4)\">link</a>"
                                + "<svg><a xlink:href=\"javascript:alert(5)\"><text>svg</text></a></svg>"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("body_html").toLowerCase())
                .contains("text", "link")
                .doesNotContain("alert", "<script", "onclick", "onerror", "javascript", "<svg");

        Api.Reply empty = api.send(
                HttpMethod.POST, "/api/v1/kb/articles", acmeAdmin, article("Empty", "<script>alert(1)</script>"));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(fields(empty)).containsExactly("body");
    }

    @Test
    void searchRanksTitleMatchesFirstStemsAndMatchesPrefixes() {
        String word = unique();
        long inBody = published(
                acmeAdmin,
                tags(article("Account overview " + word, "<p>Everything about billing and your plan.</p>"), "plans"),
                true);
        long inTitle = published(acmeAdmin, article("Billing questions " + word, "<p>Your account.</p>"), true);
        long other = published(acmeAdmin, article("Password reset " + word, "<p>Open settings.</p>"), true);

        Api.Reply hits = api.get("/api/v1/kb/articles/search?q=bills+" + word, customer);
        assertThat(hits.status()).isEqualTo(200);
        assertThat(ids(hits)).containsExactly(inTitle, inBody);
        JsonNode first = hits.body().get("items").get(0);
        assertThat(first.get("title_highlight").asString()).contains("<mark>Billing</mark>");
        assertThat(hits.body().get("items").get(1).get("snippet").asString()).contains("<mark>billing</mark>");

        assertThat(ids(api.get("/api/v1/kb/articles/search?q=" + word + "+passw", customer)))
                .containsExactly(other);
        assertThat(ids(api.get("/api/v1/kb/articles/search?q=" + word + "&tag=plans", customer)))
                .containsExactly(inBody);
        assertThat(ids(api.get("/api/v1/kb/articles/search?q=" + word + "&language=fr", customer)))
                .isEmpty();

        // keyset pages of one hit each walk the same order
        Api.Reply page = api.get("/api/v1/kb/articles/search?q=bills+" + word + "&limit=1", customer);
        assertThat(ids(page)).containsExactly(inTitle);
        Api.Reply next = api.get(
                "/api/v1/kb/articles/search?q=bills+" + word + "&limit=1&cursor=" + page.text("next_cursor"), customer);
        assertThat(ids(next)).containsExactly(inBody);
    }

    @Test
    void searchesWithoutResultsAreCollectedForAdmins() {
        String missing = "zebra" + unique();
        assertThat(titles(api.get("/api/v1/kb/articles/search?q=" + missing, customer)))
                .isEmpty();
        api.get("/api/v1/portal/" + acme.slug() + "/kb/articles/search?q=" + missing.toUpperCase(), null);

        JsonNode misses = api.get("/api/v1/kb/analytics/failed-searches?limit=100", acmeAdmin)
                .body();
        assertThat(misses.values()).anySatisfy(m -> {
            assertThat(m.get("query").asString()).isEqualTo(missing);
            assertThat(m.get("count").asLong()).isEqualTo(2);
        });
        assertThat(api.get("/api/v1/kb/analytics/failed-searches?limit=100", globexAdmin)
                        .body()
                        .toString())
                .doesNotContain(missing);
    }

    @Test
    void categoriesFormATreeWhoseSubtreesFilterAndMoveTogether() {
        String word = unique();
        long root = category("Root " + word, null);
        long child = category("Child " + word, root);
        long grandchild = category("Grandchild " + word, child);
        long elsewhere = category("Elsewhere " + word, null);
        Map<String, Object> deep = article("Deep " + word, "<p>Deep " + word + "</p>");
        deep.put("category_id", grandchild);
        long deepId = published(acmeAdmin, deep, false);
        Map<String, Object> apart = article("Apart " + word, "<p>Apart " + word + "</p>");
        apart.put("category_id", elsewhere);
        published(acmeAdmin, apart, false);

        assertThat(ids(api.get("/api/v1/kb/articles/search?q=" + word + "&category=" + root, customer)))
                .containsExactly(deepId);
        Api.Reply cycle = api.send(
                HttpMethod.PUT,
                "/api/v1/kb/categories/" + root,
                acmeAdmin,
                Map.of("name", "Root " + word, "parent_id", grandchild));
        assertThat(cycle.status()).isEqualTo(422);
        assertThat(fields(cycle)).containsExactly("parent_id");

        // moving "Child" under "Elsewhere" takes the grandchild and its article along
        assertThat(api.send(
                                HttpMethod.PUT,
                                "/api/v1/kb/categories/" + child,
                                acmeAdmin,
                                Map.of("name", "Child " + word, "parent_id", elsewhere))
                        .status())
                .isEqualTo(200);
        assertThat(ids(api.get("/api/v1/kb/articles/search?q=" + word + "&category=" + root, customer)))
                .isEmpty();
        assertThat(ids(api.get("/api/v1/kb/articles/search?q=" + word + "&category=" + elsewhere, customer)))
                .hasSize(2);
        assertThat(api.send(HttpMethod.DELETE, "/api/v1/kb/categories/" + elsewhere, acmeAdmin, null)
                        .status())
                .isEqualTo(409);
        assertThat(api.get("/api/v1/kb/categories/" + root, globexAdmin).status())
                .isEqualTo(404);
        assertThat(api.send(HttpMethod.DELETE, "/api/v1/kb/categories/" + grandchild, globexAdmin, null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        assertProblem(api.get("/api/v1/kb/articles?limit=500", acmeAdmin), 400, "limit");
        assertProblem(api.get("/api/v1/kb/articles?status=bogus", acmeAdmin), 422, "status");
        assertProblem(api.get("/api/v1/kb/articles?language=!!", acmeAdmin), 422, "language");
        assertProblem(api.get("/api/v1/kb/articles?cursor=nonsense", acmeAdmin), 422, "cursor");
        assertProblem(api.get("/api/v1/kb/articles?category=abc", acmeAdmin), 400, "category");
        assertProblem(api.get("/api/v1/kb/articles/search?q=", acmeAdmin), 422, "q");
        assertProblem(api.get("/api/v1/kb/articles/search?q=x&cursor=bad", acmeAdmin), 422, "cursor");
        assertProblem(api.get("/api/v1/kb/articles/search?q=x&category=999999", acmeAdmin), 422, "category");
        assertProblem(api.get("/api/v1/portal/" + acme.slug() + "/kb/articles/search?q=x&limit=0", null), 400, "limit");
        assertProblem(
                api.send(HttpMethod.POST, "/api/v1/kb/articles", acmeAdmin, Map.of("body", "<p>x</p>")), 400, "title");
        Map<String, Object> badSlug = article("Slug", "<p>x</p>");
        badSlug.put("slug", "Not A Slug!");
        assertProblem(api.send(HttpMethod.POST, "/api/v1/kb/articles", acmeAdmin, badSlug), 422, "slug");
        Map<String, Object> badVisibility = article("Visibility", "<p>x</p>");
        badVisibility.put("visibility", "secret");
        assertProblem(api.send(HttpMethod.POST, "/api/v1/kb/articles", acmeAdmin, badVisibility), 422, "visibility");
        Map<String, Object> badCategory = article("Category", "<p>x</p>");
        badCategory.put("category_id", 999999);
        assertProblem(api.send(HttpMethod.POST, "/api/v1/kb/articles", acmeAdmin, badCategory), 422, "category_id");
        Map<String, Object> badLanguage = article("Language", "<p>x</p>");
        badLanguage.put("language", "english please");
        assertProblem(api.send(HttpMethod.POST, "/api/v1/kb/articles", acmeAdmin, badLanguage), 422, "language");
        assertProblem(
                api.send(HttpMethod.POST, "/api/v1/portal/" + acme.slug() + "/kb/articles/x/feedback", null, Map.of()),
                400,
                "helpful");

        Map<String, Object> taken = article("Taken", "<p>x</p>");
        taken.put("slug", "taken-" + unique());
        assertThat(api.send(HttpMethod.POST, "/api/v1/kb/articles", acmeAdmin, taken)
                        .status())
                .isEqualTo(201);
        assertProblem(api.send(HttpMethod.POST, "/api/v1/kb/articles", acmeAdmin, taken), 422, "slug");
        assertThat(api.get("/api/v1/kb/articles/999999", acmeAdmin).text("type"))
                .endsWith("/kb-article-not-found");
    }

    @Test
    void theLanguageChoosesTheStemmerAndSwahiliIsSearchedWithoutOne() {
        String word = unique();
        Map<String, Object> french = article("Factures " + word, "<p>Les factures mensuelles.</p>");
        french.put("language", "fr");
        long fr = published(acmeAdmin, french, false);
        Map<String, Object> swahili = article("Malipo " + word, "<p>Jinsi ya kulipa ankara yako.</p>");
        swahili.put("language", "sw-KE");
        long sw = published(acmeAdmin, swahili, false);

        assertThat(ids(api.get("/api/v1/kb/articles/search?q=facture+" + word + "&language=fr", customer)))
                .containsExactly(fr);
        assertThat(ids(api.get("/api/v1/kb/articles/search?q=ankara+" + word, customer)))
                .containsExactly(sw);
        assertThat(ids(api.get("/api/v1/kb/articles/search?q=ankara+" + word + "&language=sw", customer)))
                .containsExactly(sw);
        assertThat(ids(api.get("/api/v1/kb/articles?language=sw&limit=100", customer)))
                .contains(sw)
                .doesNotContain(fr);
    }

    // helpers

    private static String unique() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static Map<String, Object> article(String title, String body) {
        Map<String, Object> article = new HashMap<>();
        article.put("title", title);
        article.put("body", body);
        return article;
    }

    private static Map<String, Object> internal(Map<String, Object> article) {
        article.put("visibility", "internal");
        return article;
    }

    private static Map<String, Object> tags(Map<String, Object> article, String... tags) {
        article.put("tags", List.of(tags));
        return article;
    }

    private long create(String token, Map<String, Object> article) {
        Api.Reply created = api.send(HttpMethod.POST, "/api/v1/kb/articles", token, article);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    /** Creates and publishes as an admin; {@code english} sets the language explicitly. */
    private long published(String admin, Map<String, Object> article, boolean english) {
        if (english) {
            article.put("language", "en");
        }
        long id = create(admin, article);
        assertThat(step(admin, id, "publish", null).status()).isEqualTo(200);
        return id;
    }

    private long category(String name, Long parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("parent_id", parent);
        Api.Reply created = api.send(HttpMethod.POST, "/api/v1/kb/categories", acmeAdmin, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private Api.Reply step(String token, long id, String step, String comment) {
        Map<String, Object> body = new HashMap<>();
        if (comment != null) {
            body.put("comment", comment);
        }
        return api.send(HttpMethod.POST, "/api/v1/kb/articles/" + id + "/" + step, token, body);
    }

    private JsonNode feedback(String path, String token, boolean helpful) {
        Api.Reply reply = api.send(HttpMethod.POST, path, token, Map.of("helpful", helpful));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.body();
    }

    private JsonNode read(String path, String userAgent) {
        Api.Reply reply = api.exchange(HttpMethod.GET, path, null, null, Map.of("User-Agent", userAgent));
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    private List<String> events(long articleId) {
        return JdbcClient.create(dataSource)
                .sql("select type from platform.outbox where tenant_slug = ? and (payload->>'article_id')::bigint = ?"
                        + " order by created_at, id")
                .params(acme.slug().value(), articleId)
                .query(String.class)
                .list();
    }

    private static List<String> titles(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.body().get("items").values().stream()
                .map(item -> (item.has("article") ? item.get("article") : item)
                        .get("title")
                        .asString())
                .toList();
    }

    private static List<Long> ids(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.body().get("items").values().stream()
                .map(item -> (item.has("article") ? item.get("article") : item)
                        .get("id")
                        .asLong())
                .toList();
    }

    private static List<String> fields(Api.Reply reply) {
        JsonNode errors = reply.body().get("errors");
        return errors == null
                ? List.of()
                : errors.values().stream().map(e -> e.get("field").asString()).toList();
    }

    private static void assertProblem(Api.Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(fields(reply)).as(reply.toString()).contains(field);
    }
}
