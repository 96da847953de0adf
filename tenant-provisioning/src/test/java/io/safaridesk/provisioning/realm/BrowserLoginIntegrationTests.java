package io.safaridesk.provisioning.realm;

import static io.safaridesk.provisioning.realm.TestKeycloak.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The realm template's browser flow, driven like a browser: Keycloak's login form, then the OTP form for staff. */
class BrowserLoginIntegrationTests {

    private static final String REALM = TestKeycloak.uniqueRealm();
    private static final String REDIRECT = "http://localhost:5173/callback";
    // RFC 7636, appendix B
    private static final String CODE_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    private static KeycloakAdmin admin;
    private static RealmProvisioner provisioner;

    @BeforeAll
    static void createRealm() {
        admin = new KeycloakAdmin(TestKeycloak.properties());
        provisioner = new RealmProvisioner(admin, TestKeycloak.template());
        provisioner.ensureRealm(new RealmSpec(REALM, "Browser Tests"));
    }

    @AfterAll
    static void deleteRealm() {
        provisioner.deleteRealm(REALM);
        admin.close();
    }

    @Test
    void aCustomerIsSentBackWithACodeAfterThePassword() throws Exception {
        String email = TestKeycloak.uniqueEmail("customer");
        TestKeycloak.createUser(admin, REALM, email, null, "customer");

        HttpResponse<String> afterPassword = new Browser().submitPassword(email);

        assertThat(afterPassword.statusCode()).isEqualTo(302);
        assertThat(afterPassword.headers().firstValue("Location"))
                .hasValueSatisfying(
                        location -> assertThat(location).startsWith(REDIRECT).contains("code="));
    }

    @Test
    void anAdminIsAskedForTheOtpCodeAfterThePassword() throws Exception {
        String email = TestKeycloak.uniqueEmail("admin");
        TestKeycloak.createUser(admin, REALM, email, TestKeycloak.uniqueOtpSecret(), "admin");

        HttpResponse<String> afterPassword = new Browser().submitPassword(email);

        assertThat(afterPassword.statusCode()).isEqualTo(200);
        assertThat(afterPassword.body()).contains("name=\"otp\"");
    }

    @Test
    void anAgentWithoutOtpSetsItUpAfterThePassword() throws Exception {
        String email = TestKeycloak.uniqueEmail("agent");
        TestKeycloak.createUser(admin, REALM, email, null, "agent");
        Browser browser = new Browser();

        HttpResponse<String> afterPassword = browser.submitPassword(email);

        // Keycloak sends the browser on to its required action, not back to the app
        assertThat(afterPassword.statusCode()).isEqualTo(302);
        String location = afterPassword.headers().firstValue("Location").orElseThrow();
        assertThat(location)
                .doesNotStartWith(REDIRECT)
                .contains("required-action")
                .contains("CONFIGURE_TOTP");
        HttpResponse<String> setUpPage = browser.get(URI.create(location));
        assertThat(setUpPage.body()).contains("totpSecret");
    }

    @Test
    void theSpaClientRequiresPkce() throws Exception {
        HttpResponse<String> withoutPkce = new Browser().get(authorizationUrl(false));

        assertThat(withoutPkce.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("error=invalid_request"));
    }

    private static URI authorizationUrl(boolean pkce) {
        String url = TestKeycloak.properties().resolve("/realms/" + REALM + "/protocol/openid-connect/auth")
                + "?client_id=safaridesk-spa&response_type=code&scope=openid&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8);
        return URI.create(pkce ? url + "&code_challenge_method=S256&code_challenge=" + CODE_CHALLENGE : url);
    }

    /**
     * Keeps cookies and follows no redirects. Keycloak marks its cookies {@code Secure} even over http, and browsers
     * send them to localhost anyway, so this jar ignores the flag (java.net.CookieManager would not).
     */
    private static final class Browser {

        private final HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> submitPassword(String username) throws IOException, InterruptedException {
            HttpResponse<String> loginPage = get(authorizationUrl(true));
            assertThat(loginPage.statusCode()).isEqualTo(200);
            Matcher action = FORM_ACTION.matcher(loginPage.body());
            assertThat(action.find()).as("login form").isTrue();
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
            return send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri).GET());
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        cookies.entrySet().stream()
                                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                                .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int equals = pair.indexOf('=');
                cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
            return response;
        }
    }
}
