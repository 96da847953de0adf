package io.safaridesk.helpdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.helpdesk.testing.Api;
import io.safaridesk.helpdesk.testing.TwoWorkspaceApiTests;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** SLA calendars and configuration on real workspaces: CRUD, roles, isolation, bad input, due dates. */
class SlaIntegrationTests extends TwoWorkspaceApiTests {

    private static final String CALENDARS = "/api/v1/sla/calendars";
    private static final String CONFIG = "/api/v1/sla/config";

    static String acmeAgent;

    @BeforeAll
    static void anAgent() {
        acmeAgent = acme.token(acme.addUser("agent"));
    }

    @Test
    void everyWorkspaceStartsWithABusinessHoursCalendarMondayToFridayNineToFive() {
        JsonNode seeded = calendarNamed(api.get(CALENDARS + "?limit=100", acmeAgent), "Business hours");

        assertThat(seeded.get("kind").asString()).isEqualTo("BUSINESS_HOURS");
        assertThat(seeded.get("time_zone").asString()).isEqualTo("UTC");
        assertThat(seeded.get("hours")).hasSize(5);
        assertThat(seeded.get("hours").get(0).get("day").asString()).isEqualTo("MONDAY");
        assertThat(seeded.get("hours").get(4).get("day").asString()).isEqualTo("FRIDAY");
        assertThat(seeded.get("hours").get(0).get("start").asString()).isEqualTo("09:00");
        assertThat(seeded.get("hours").get(0).get("end").asString()).isEqualTo("17:00");
    }

    @Test
    void anAdminCreatesUpdatesAndDeletesACalendarThatAgentsRead() {
        String name = unique("Support desk");
        long id = created(calendar(
                name,
                "CUSTOM",
                "Africa/Nairobi",
                List.of(
                        hours("MONDAY", "08:00", "12:00", false),
                        hours("MONDAY", "13:00", "17:00", false),
                        hours("FRIDAY", "22:00", "06:00", true)),
                List.of(
                        holiday("Jamhuri Day", "2026-12-12", null, true),
                        holiday("Retreat", "2026-08-03", "2026-08-07", false))));

        Api.Reply read = api.get(CALENDARS + "/" + id, acmeAgent);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("time_zone")).isEqualTo("Africa/Nairobi");
        assertThat(read.body().get("hours").get(2).get("ends_next_day").asBoolean())
                .isTrue();
        assertThat(read.body().get("holidays").get(0).get("yearly").asBoolean()).isTrue();
        assertThat(read.body().get("holidays").get(1).get("end_date").asString())
                .isEqualTo("2026-08-07");
        assertThat(read.body().get("version").asInt()).isZero();

        Api.Reply firstPage = api.get(CALENDARS + "?limit=1", acmeAgent);
        assertThat(firstPage.body().get("items")).hasSize(1);
        Api.Reply secondPage = api.get(CALENDARS + "?limit=1&cursor=" + firstPage.text("next_cursor"), acmeAgent);
        assertThat(secondPage.body().get("items").get(0).get("id").asLong())
                .isGreaterThan(firstPage.body().get("items").get(0).get("id").asLong());

        Map<String, Object> changed = mondays(name + " (new)");
        changed.put("time_zone", "Europe/London");
        changed.put("version", 0);
        Api.Reply updated = api.send(HttpMethod.PUT, CALENDARS + "/" + id, acmeAdmin, changed);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("name")).isEqualTo(name + " (new)");
        assertThat(updated.body().get("hours")).hasSize(1);
        assertThat(updated.body().get("holidays")).isEmpty();
        assertThat(updated.body().get("version").asInt()).isEqualTo(1);

        Api.Reply stale = api.send(HttpMethod.PUT, CALENDARS + "/" + id, acmeAdmin, changed);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(api.send(HttpMethod.DELETE, CALENDARS + "/" + id, acmeAdmin, null)
                        .status())
                .isEqualTo(204);
        assertThat(api.get(CALENDARS + "/" + id, acmeAgent).status()).isEqualTo(404);
    }

    @Test
    void aTwentyFourSevenCalendarMakesDueDatesWallClockTimeAndTakesNoHours() {
        long id = created(
                calendar(unique("Round the clock"), "TWENTY_FOUR_SEVEN", "America/New_York", List.of(), List.of()));

        Api.Reply due =
                api.get(CALENDARS + "/" + id + "/due-date?start=2026-03-07T17:00:00Z&target_minutes=1440", acmeAgent);

        assertThat(due.status()).isEqualTo(200);
        assertThat(due.text("due_at")).isEqualTo("2026-03-08T17:00:00Z");
        Map<String, Object> withHours = mondays(unique("Not quite"));
        withHours.put("kind", "TWENTY_FOUR_SEVEN");
        assertThat(field(post(withHours), 422)).isEqualTo("hours");
    }

    @Test
    void theSlaConfigurationStartsOffAndOnlyTheAdminsWorkspaceChanges() {
        Api.Reply globexBefore = api.get(CONFIG + "/current/", globexAdmin);
        assertThat(globexBefore.status()).isEqualTo(200);
        assertThat(globexBefore.body().get("allow_sla").asBoolean()).isFalse();
        assertThat(globexBefore.body().get("allow_holidays").asBoolean()).isFalse();
        assertThat(globexBefore.body().get("at_risk_percent").asInt()).isEqualTo(75);

        Api.Reply changed = api.send(
                HttpMethod.POST,
                CONFIG + "/update_config/",
                acmeAdmin,
                Map.of("allow_sla", true, "allow_holidays", true));
        assertThat(changed.status()).isEqualTo(200);

        Api.Reply acmeAfter = api.get(CONFIG + "/current", acmeAgent);
        assertThat(acmeAfter.body().get("allow_sla").asBoolean()).isTrue();
        assertThat(acmeAfter.body().get("allow_holidays").asBoolean()).isTrue();
        assertThat(acmeAfter.body().get("at_risk_percent").asInt()).isEqualTo(75);
        Api.Reply globexAfter = api.get(CONFIG + "/current", globexAdmin);
        assertThat(globexAfter.body().get("allow_sla").asBoolean()).isFalse();
        assertThat(globexAfter.body().get("version").asInt())
                .isEqualTo(globexBefore.body().get("version").asInt());
    }

    @Test
    void dueDatesCountHolidaysOnlyWhenTheWorkspaceAllowsThem() {
        long id = created(calendar(
                unique("Office"),
                "BUSINESS_HOURS",
                "UTC",
                List.of(
                        hours("THURSDAY", "09:00", "17:00", false),
                        hours("FRIDAY", "09:00", "17:00", false),
                        hours("MONDAY", "09:00", "17:00", false)),
                List.of(holiday("Christmas Day", "2020-12-25", null, true))));
        String christmasEveAt1600PlusTwoHours =
                CALENDARS + "/" + id + "/due-date?start=2026-12-24T16:00:00Z&target_minutes=120";

        setHolidays(false);
        Api.Reply withoutHolidays = api.get(christmasEveAt1600PlusTwoHours, acmeAgent);
        setHolidays(true);
        Api.Reply withHolidays = api.get(christmasEveAt1600PlusTwoHours, acmeAgent);

        assertThat(withoutHolidays.text("due_at")).isEqualTo("2026-12-25T10:00:00Z");
        assertThat(withoutHolidays.body().get("holidays_applied").asBoolean()).isFalse();
        assertThat(withHolidays.text("due_at")).isEqualTo("2026-12-28T10:00:00Z");
        assertThat(withHolidays.body().get("holidays_applied").asBoolean()).isTrue();
    }

    @Test
    void anotherWorkspacesAdminCannotReadChangeOrDeleteACalendar() {
        String name = unique("Acme only");
        long id = created(mondays(name));
        Map<String, Object> takeover = calendar("Taken", "TWENTY_FOUR_SEVEN", "UTC", List.of(), List.of());

        assertThat(api.get(CALENDARS + "/" + id, globexAdmin).status()).isEqualTo(404);
        assertThat(api.send(HttpMethod.PUT, CALENDARS + "/" + id, globexAdmin, takeover)
                        .status())
                .isEqualTo(404);
        assertThat(api.send(HttpMethod.DELETE, CALENDARS + "/" + id, globexAdmin, null)
                        .status())
                .isEqualTo(404);
        assertThat(api.get(CALENDARS + "/" + id + "/due-date?start=2026-03-02T09:00:00Z&target_minutes=60", globexAdmin)
                        .status())
                .isEqualTo(404);
        assertThat(names(api.get(CALENDARS + "?limit=100", globexAdmin))).doesNotContain(name);
        assertThat(api.get(CALENDARS + "/" + id, acmeAdmin).text("name")).isEqualTo(name);
    }

    @Test
    void customersAreForbiddenAnonymousCallersUnauthenticatedAndAgentsOnlyRead() {
        String customer = acme.token(acme.addUser("customer"));
        Map<String, Object> body = mondays(unique("By agent"));
        long seeded = seededCalendar();

        Api.Reply customerReads = api.get(CALENDARS, customer);
        assertThat(customerReads.status()).isEqualTo(403);
        assertThat(customerReads.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.get(CONFIG + "/current", customer).status()).isEqualTo(403);
        assertThat(api.get(CALENDARS, null).status()).isEqualTo(401);
        assertThat(api.get(CONFIG + "/current", null).status()).isEqualTo(401);
        assertThat(api.send(HttpMethod.POST, CALENDARS, acmeAgent, body).status())
                .isEqualTo(403);
        assertThat(api.send(HttpMethod.PUT, CALENDARS + "/" + seeded, acmeAgent, body)
                        .status())
                .isEqualTo(403);
        assertThat(api.send(HttpMethod.DELETE, CALENDARS + "/" + seeded, acmeAgent, null)
                        .status())
                .isEqualTo(403);
        assertThat(api.send(HttpMethod.POST, CONFIG + "/update_config", acmeAgent, Map.of("allow_sla", true))
                        .status())
                .isEqualTo(403);
        assertThat(names(api.get(CALENDARS + "?limit=100", acmeAdmin))).doesNotContain((String) body.get("name"));
    }

    @Test
    void badCalendarsAreRefusedNamingTheField() {
        assertThat(field(
                        withHours(hours("MONDAY", "09:00", "17:00", false), hours("MONDAY", "16:00", "18:00", false)),
                        422))
                .isEqualTo("hours[1]");
        assertThat(field(
                        withHours(hours("SUNDAY", "22:00", "10:00", true), hours("MONDAY", "09:00", "17:00", false)),
                        422))
                .isEqualTo("hours[1]");
        assertThat(field(withHours(hours("MONDAY", "17:00", "09:00", false)), 422))
                .isEqualTo("hours[0]");
        assertThat(field(withHours(hours("FUNDAY", "09:00", "17:00", false)), 422))
                .isEqualTo("hours[0].day");
        assertThat(field(withHours(hours("MONDAY", "9 am", "17:00", false)), 422))
                .isEqualTo("hours[0].start");
        assertThat(field(withHours(), 422)).isEqualTo("hours");
        assertThat(field(with("time_zone", "Atlantis/Capital"), 422)).isEqualTo("time_zone");
        assertThat(field(with("kind", "SOMETIMES"), 422)).isEqualTo("kind");
        assertThat(field(with("holidays", List.of(holiday("Bad", "2026-02-30", null, false))), 422))
                .isEqualTo("holidays[0].date");
        assertThat(field(with("holidays", List.of(holiday("Backwards", "2026-05-02", "2026-05-01", false))), 422))
                .isEqualTo("holidays[0]");
        assertThat(field(post(mondays(" ")), 400)).isEqualTo("name");
        assertThat(field(post(mondays("business HOURS")), 409)).isEqualTo("name");
        assertThat(field(api.get(CALENDARS + "?cursor=nonsense", acmeAdmin), 422))
                .isEqualTo("cursor");
    }

    @Test
    void negativeTargetsAndBadStartsAreRefusedNamingTheParameter() {
        String dueDate = CALENDARS + "/" + seededCalendar() + "/due-date";

        assertThat(field(api.get(dueDate + "?start=2026-03-02T09:00:00Z&target_minutes=-5", acmeAgent), 400))
                .isEqualTo("target_minutes");
        assertThat(field(api.get(dueDate + "?start=2026-03-02T09:00:00Z&target_minutes=99999999999", acmeAgent), 400))
                .isEqualTo("target_minutes");
        assertThat(field(api.get(dueDate + "?start=yesterday&target_minutes=60", acmeAgent), 400))
                .isEqualTo("start");
        assertThat(field(api.get(dueDate + "?start=1900-01-01T00:00:00Z&target_minutes=60", acmeAgent), 422))
                .isEqualTo("start");
        assertThat(field(
                        api.send(HttpMethod.POST, CONFIG + "/update_config", acmeAdmin, Map.of("at_risk_percent", 150)),
                        422))
                .isEqualTo("at_risk_percent");
    }

    @Test
    void theOpenApiDocumentDescribesTheSlaEndpoints() {
        JsonNode paths = api.get("/api/docs", null).body().get("paths");

        assertThat(paths.has(CONFIG + "/current")).isTrue();
        assertThat(paths.has(CONFIG + "/update_config")).isTrue();
        assertThat(paths.has(CALENDARS)).isTrue();
        assertThat(paths.has(CALENDARS + "/{id}")).isTrue();
        assertThat(paths.has(CALENDARS + "/{id}/due-date")).isTrue();
    }

    private Api.Reply post(Map<String, Object> calendar) {
        return api.send(HttpMethod.POST, CALENDARS, acmeAdmin, calendar);
    }

    private long created(Map<String, Object> calendar) {
        Api.Reply created = post(calendar);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    /** Posts a Mondays calendar with one field changed. */
    private Api.Reply with(String field, Object value) {
        Map<String, Object> calendar = mondays(unique("Bad"));
        calendar.put(field, value);
        return post(calendar);
    }

    @SafeVarargs
    private Api.Reply withHours(Map<String, Object>... hours) {
        return with("hours", List.of(hours));
    }

    private long seededCalendar() {
        return calendarNamed(api.get(CALENDARS + "?limit=100", acmeAdmin), "Business hours")
                .get("id")
                .asLong();
    }

    private void setHolidays(boolean allowed) {
        assertThat(api.send(HttpMethod.POST, CONFIG + "/update_config", acmeAdmin, Map.of("allow_holidays", allowed))
                        .status())
                .isEqualTo(200);
    }

    /** Mondays 09:00-17:00 in UTC. */
    private static Map<String, Object> mondays(String name) {
        return calendar(name, "BUSINESS_HOURS", "UTC", List.of(hours("MONDAY", "09:00", "17:00", false)), List.of());
    }

    private static Map<String, Object> calendar(
            String name,
            String kind,
            String zone,
            List<Map<String, Object>> hours,
            List<Map<String, Object>> holidays) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("time_zone", zone);
        body.put("hours", hours);
        body.put("holidays", holidays);
        return body;
    }

    private static Map<String, Object> hours(String day, String start, String end, boolean endsNextDay) {
        return Map.of("day", day, "start", start, "end", end, "ends_next_day", endsNextDay);
    }

    private static Map<String, Object> holiday(String name, String date, String endDate, boolean yearly) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("date", date);
        body.put("end_date", endDate);
        body.put("yearly", yearly);
        return body;
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonNode calendarNamed(Api.Reply page, String name) {
        for (JsonNode item : page.body().get("items")) {
            if (item.get("name").asString().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("no calendar named " + name + " in " + page.body());
    }

    private static List<String> names(Api.Reply page) {
        List<String> names = new ArrayList<>();
        page.body().get("items").forEach(item -> names.add(item.get("name").asString()));
        return names;
    }

    private static String field(Api.Reply problem, int status) {
        assertThat(problem.status()).as(String.valueOf(problem.body())).isEqualTo(status);
        assertThat(problem.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        return problem.body().get("errors").get(0).get("field").asString();
    }
}
