package io.safaridesk.helpdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every mapped handler under {@code /api/v1} and calls it as an anonymous caller, a customer, an agent and an
 * admin of the workspace: each gets exactly what the route's {@link Callers} declaration says. Then calls each with an
 * API token holding every scope: it must be refused everywhere but the routes its scopes open.
 */
class EndpointAccessIntegrationTests extends TwoWorkspaceApiTests {

    private static final Set<Integer> REFUSED = Set.of(401, 403);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * Each route's declaration, read from its controller, against what each caller gets: refused (401, or 403 from the
     * access check) exactly where the declaration does not name the caller. A 403 the domain answers for a caller who
     * may call the route (a ticket they cannot see, say) is not the access check's and counts as served.
     */
    @Test
    void everyCallerGetsExactlyWhatItsRouteDeclares() throws Exception {
        Map<Caller, String> callers = new LinkedHashMap<>();
        callers.put(Caller.ANYONE, null);
        callers.put(Caller.CUSTOMER, acme.token(acme.addUser("customer")));
        callers.put(Caller.AGENT, acme.token(acme.addUser("agent")));
        callers.put(Caller.ADMIN, acmeAdmin);

        List<String> wrong = new ArrayList<>();
        int routes = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> route :
                handlers.getHandlerMethods().entrySet()) {
            Callers declared = DeclaredAccess.declaration(route.getValue());
            for (String call : apiCalls(route.getKey())) {
                routes++;
                assertThat(declared).as("%s declares its callers", call).isNotNull();
                String[] methodAndPath = call.split(" ", 2);
                for (Map.Entry<Caller, String> caller : callers.entrySet()) {
                    boolean mayCall = mayCall(declared, caller.getKey());
                    boolean refused = refusedByAccessCheck(methodAndPath[0], methodAndPath[1], caller.getValue());
                    if (mayCall == refused) {
                        wrong.add(call + " as " + caller.getKey() + (mayCall ? " was refused" : " was served"));
                    }
                }
            }
        }

        assertThat(routes).isGreaterThan(100);
        assertThat(wrong)
                .as("calls whose answer differs from the route's declaration")
                .isEmpty();
    }

    private static boolean mayCall(Callers declared, Caller caller) {
        List<Caller> named = List.of(declared.value());
        return named.contains(Caller.ANYONE)
                || named.contains(caller)
                || (caller != Caller.ANYONE && named.contains(Caller.SIGNED_IN));
    }

    @Test
    void anApiTokenWithEveryScopeReachesOnlyTheRoutesOfItsScopes() throws Exception {
        List<String> reached = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        String token = everyScopeToken();
        for (String call : apiCalls()) {
            String[] methodAndPath = call.split(" ", 2);
            int status = status(methodAndPath[0], methodAndPath[1], token);
            if (status == 429) { // the token's rate limit, not an answer about access: go on with a fresh token
                token = everyScopeToken();
                status = status(methodAndPath[0], methodAndPath[1], token);
            }
            if (!REFUSED.contains(status)) {
                reached.add(call);
            }
            if (status >= 500) {
                failed.add(call + " " + status);
            }
        }

        assertThat(reached)
                .as("routes an API token reaches")
                .isNotEmpty()
                .allSatisfy(call -> assertThat(call).matches(scopedRoutes()).doesNotContain("/export"));
        assertThat(failed)
                .as("a token has no agent profile: no route may fail on that")
                .isEmpty();
    }

    /** What the scopes of API tokens open, and the workspace's anonymous portal that anyone may call. */
    private static String scopedRoutes() {
        return "[A-Z]+ /api/v1/(tickets|ticket|ticket-statuses|ticket-categories|contacts|kb|portal/"
                + Pattern.quote(acme.slug().value()) + ")(/.*)?";
    }

    private String everyScopeToken() throws Exception {
        String body = "{\"name\":\"walker\",\"scopes\":[\"tickets:read\",\"tickets:write\",\"contacts:read\","
                + "\"contacts:write\",\"kb:read\",\"kb:manage\"],\"expires_at\":\""
                + java.time.Instant.now().plusSeconds(3600) + "\"}";
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/api-tokens"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + acmeAdmin)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return tools.jackson.databind.json.JsonMapper.shared()
                .readTree(created.body())
                .get("token")
                .asString();
    }

    /**
     * A route that exists but no rule names is refused to everyone: the walk above fails the build on one. A path where
     * no route answers is a 404 for everyone, so that a typo reads as a typo, not as a missing role.
     */
    @Test
    void aPathWhereNoRouteAnswersIsNotFoundForEveryone() throws Exception {
        assertThat(status("GET", "/api/v1/undeclared-route", acmeAdmin)).isEqualTo(404);
        assertThat(status("GET", "/api/v1/undeclared-route", null)).isEqualTo(404);
    }

    @Test
    void macroRoutesServeStaffOnly() throws Exception {
        String agent = acme.token(acme.addUser("agent"));
        String customer = acme.token(acme.addUser("customer"));
        List<String> macroCalls =
                apiCalls().stream().filter(call -> call.contains("/macros")).toList();

        assertThat(macroCalls)
                .contains(
                        "GET /api/v1/macros",
                        "POST /api/v1/macros",
                        "GET /api/v1/macros/1",
                        "PATCH /api/v1/macros/1",
                        "DELETE /api/v1/macros/1",
                        "POST /api/v1/tickets/1/macros/1/apply");
        for (String call : macroCalls) {
            String[] methodAndPath = call.split(" ", 2);
            assertThat(status(methodAndPath[0], methodAndPath[1], null))
                    .as(call)
                    .isEqualTo(401);
            assertThat(status(methodAndPath[0], methodAndPath[1], customer))
                    .as(call)
                    .isEqualTo(403);
            assertThat(status(methodAndPath[0], methodAndPath[1], agent))
                    .as(call)
                    .isNotIn(401, 403);
        }
    }

    /** "METHOD /path" for every handler method under /api/v1, path variables filled with a plausible value. */
    private List<String> apiCalls() {
        return handlers.getHandlerMethods().keySet().stream()
                .flatMap(mapping -> apiCalls(mapping).stream())
                .toList();
    }

    private List<String> apiCalls(RequestMappingInfo mapping) {
        List<String> calls = new ArrayList<>();
        Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
        for (String pattern : mapping.getPatternValues()) {
            if (!pattern.startsWith("/api/v1/")) {
                continue;
            }
            // a variable restricted to words ({action:archive|delete}) takes its first word, any other one "1"
            String path = pattern.replace("{slug}", acme.slug().value())
                    .replaceAll("\\{\\w+:(\\w+)[^}]*}", "$1")
                    .replaceAll("\\{[^}]+}", "1");
            for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                calls.add(method.name() + " " + path);
            }
        }
        return calls;
    }

    /** 401, or the access check's 403 ("your role does not allow this"), not a 403 of the domain's own. */
    private boolean refusedByAccessCheck(String method, String path, String token) throws Exception {
        HttpResponse<String> response = http.send(request(method, path, token), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 401
                || (response.statusCode() == 403 && response.body().contains("Your role does not allow this"));
    }

    private int status(String method, String path, String token) throws Exception {
        return http.send(request(method, path, token), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private HttpRequest request(String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        HttpRequest.BodyPublishers.ofString(
                                Set.of("GET", "DELETE").contains(method) ? "" : "{}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }
}
