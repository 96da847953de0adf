package io.safaridesk.helpdesk.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TestWorkspace;
import io.safaridesk.helpdesk.testing.TestWorkspaces;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import io.safaridesk.platform.testing.Mailbox;
import io.safaridesk.platform.testing.Totp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * An invited agent's whole journey as a person makes it: the invitation mail, Keycloak's own set-up pages (password,
 * OTP), the first login, and being available in their department.
 */
class AgentInvitationJourneyIntegrationTests extends TwoWorkspaceApiTests {

    private static final Pattern ACTION_LINK =
            Pattern.compile("https?://[^\\s\"<>]+/login-actions/action-token\\?key=[^\\s\"<>]+");
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern PROCEED = Pattern.compile("<a[^>]*href=\"([^\"]+)\"[^>]*>[^<]*Click here to proceed");
    private static final Pattern HIDDEN_INPUT = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");
    private static final int MAX_PAGES = 10;

    @Test
    void anInvitedAgentSetsUpPasswordAndOtpOnKeycloaksPagesThenLogsInAndIsAvailableInTheirDepartment()
            throws Exception {
        long department = department("Journey " + suffix());
        String email = "eve-" + suffix() + "@" + acme.slug() + ".test";

        Api.Reply invited = invite(email, department);
        assertThat(invited.status()).isEqualTo(201);

        String mail = Mailbox.awaitText(email, subject -> true);
        Matcher link = ACTION_LINK.matcher(mail);
        assertThat(link.find()).as("execute-actions link in %s", mail).isTrue();

        SetUp setUp = new Browser().completeSetUp(URI.create(unescape(link.group())));
        assertThat(setUp.forms()).contains("UPDATE_PASSWORD", "CONFIGURE_TOTP");
        assertThat(setUp.lastPage()).contains("Your account has been updated");

        awaitNextOtpWindow(setUp.otpUsedAt());
        String token = acme.token(new TestWorkspace.User(email, TestWorkspaces.PASSWORD, setUp.otpSecret()));

        Api.Reply me = api.get("/api/v1/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("roles").values())
                .extracting(JsonNode::asString)
                .contains("agent");
        Api.Reply members = api.get("/api/v1/department/members/" + department + "/", acmeAdmin);
        assertThat(members.status()).isEqualTo(200);
        JsonNode member = members.body().get(0);
        assertThat(member.get("email").asString()).isEqualTo(email);
        assertThat(member.get("available").asBoolean()).isTrue();
    }

    /** What the set-up left behind: the forms filled in (by required action), the OTP secret and when it was used. */
    private record SetUp(List<String> forms, String otpSecret, Instant otpUsedAt, String lastPage) {}

    private long department(String name) {
        Api.Reply created = api.send(HttpMethod.POST, "/api/v1/departments", acmeAdmin, Map.of("name", name));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private Api.Reply invite(String email, long department) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Eve Journey");
        body.put("email", email);
        body.put("phone", "+254700000002");
        body.put("departments", List.of(department));
        body.put("leads", List.of());
        body.put("role", "agent");
        return api.send(HttpMethod.POST, "/api/v1/agent/create/", acmeAdmin, body);
    }

    /** Keycloak refuses a TOTP code twice, so the first login waits for the window after the set-up's code. */
    private static void awaitNextOtpWindow(Instant used) throws InterruptedException {
        long window = used.getEpochSecond() / 30;
        while (Instant.now().getEpochSecond() / 30 == window) {
            Thread.sleep(250);
        }
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&")
                .replace("&#61;", "=")
                .replace("&quot;", "\"")
                .replace("&#39;", "'");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    /**
     * Keeps cookies and follows redirects itself. Keycloak marks its cookies {@code Secure} even over http, and browsers
     * send them to localhost anyway, so this jar ignores the flag (java.net.CookieManager would not).
     */
    private static final class Browser {

        private final HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        /** Follows the mail's link and fills in whichever form Keycloak shows, until a page has nothing to fill in. */
        SetUp completeSetUp(URI link) throws IOException, InterruptedException {
            List<String> forms = new ArrayList<>();
            String secret = null;
            Instant otpUsedAt = null;
            HttpResponse<String> page = get(link);
            for (int i = 0; i < MAX_PAGES; i++) {
                String body = page.body();
                Matcher proceed = PROCEED.matcher(body);
                if (body.contains("name=\"password-new\"")) {
                    forms.add("UPDATE_PASSWORD");
                    Map<String, String> fields = hiddenInputs(body);
                    fields.put("password-new", TestWorkspaces.PASSWORD);
                    fields.put("password-confirm", TestWorkspaces.PASSWORD);
                    page = submit(page, fields);
                } else if (body.contains("name=\"totpSecret\"")) {
                    forms.add("CONFIGURE_TOTP");
                    Map<String, String> fields = hiddenInputs(body);
                    secret = fields.get("totpSecret");
                    otpUsedAt = Instant.now();
                    fields.put("totp", Totp.code(secret, otpUsedAt));
                    fields.put("userLabel", "Phone");
                    page = submit(page, fields);
                } else if (proceed.find()) {
                    forms.add("INFO");
                    page = get(page.uri().resolve(unescape(proceed.group(1))));
                } else {
                    break;
                }
            }
            assertThat(secret)
                    .as("OTP secret from the pages %s, last: %s", forms, page.body())
                    .isNotNull();
            return new SetUp(forms, secret, otpUsedAt, page.body());
        }

        private HttpResponse<String> submit(HttpResponse<String> page, Map<String, String> fields)
                throws IOException, InterruptedException {
            Matcher action = FORM_ACTION.matcher(page.body());
            assertThat(action.find()).as("form on %s", page.body()).isTrue();
            String form = fields.entrySet().stream()
                    .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> response =
                    send(HttpRequest.newBuilder(page.uri().resolve(unescape(action.group(1))))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)));
            return followRedirects(response);
        }

        HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
            return followRedirects(send(HttpRequest.newBuilder(uri).GET()));
        }

        private HttpResponse<String> followRedirects(HttpResponse<String> response)
                throws IOException, InterruptedException {
            HttpResponse<String> current = response;
            for (int i = 0; i < MAX_PAGES && current.statusCode() / 100 == 3; i++) {
                URI next = current.uri()
                        .resolve(current.headers().firstValue("Location").orElseThrow());
                current = send(HttpRequest.newBuilder(next).GET());
            }
            assertThat(current.statusCode())
                    .as("%s: %s", current.uri(), current.body())
                    .isEqualTo(200);
            return current;
        }

        private static Map<String, String> hiddenInputs(String body) {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher input = HIDDEN_INPUT.matcher(body);
            while (input.find()) {
                Matcher name = NAME.matcher(input.group());
                Matcher value = VALUE.matcher(input.group());
                if (name.find()) {
                    fields.put(unescape(name.group(1)), value.find() ? unescape(value.group(1)) : "");
                }
            }
            return fields;
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
                if (setCookie.contains("Max-Age=0")) {
                    cookies.remove(pair.substring(0, equals));
                } else {
                    cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
            return response;
        }
    }
}
