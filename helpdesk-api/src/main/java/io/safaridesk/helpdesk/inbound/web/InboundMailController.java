package io.safaridesk.helpdesk.inbound.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;

import io.safaridesk.domain.inbound.InboundLog;
import io.safaridesk.domain.inbound.InboundRule;
import io.safaridesk.domain.inbound.InboundSettings;
import io.safaridesk.domain.inbound.NonParticipantAction;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.web.Cursor;
import io.safaridesk.platform.web.Downloads;
import io.safaridesk.platform.web.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Callers(ADMIN)
@Tag(name = "Inbound mail")
@RestController
@RequestMapping("/api/v1/settings/inbound-mail")
@Validated
class InboundMailController {

    private final InboundSettings settings;
    private final InboundLog log;

    InboundMailController(InboundSettings settings, InboundLog log) {
        this.settings = settings;
        this.log = log;
    }

    record SettingsRequest(String nonParticipant, Integer senderLimitPerHour, Integer version) {

        NonParticipantAction action() {
            return nonParticipant == null ? null : parse("non_participant", nonParticipant, NonParticipantAction.class);
        }
    }

    @Operation(
            summary = "How mail is taken in: what a reply from someone not on the ticket becomes (NEW_TICKET, linked"
                    + " to the ticket, or NOTE) and the mails one sender may send per hour")
    @GetMapping
    InboundSettings.View get() {
        return settings.current();
    }

    @Operation(summary = "Changes them; omitted fields are kept; a stale version is 409")
    @PutMapping
    InboundSettings.View change(@RequestBody SettingsRequest request) {
        return settings.change(request.action(), request.senderLimitPerHour(), request.version());
    }

    @Operation(
            summary = "The inbound mail log, newest first: what each mail became and the rule that decided it;"
                    + " filters rule, ticket_id (also the ticket a reply was linked to), mailbox_id, from")
    @GetMapping("/log")
    KeysetPage<InboundLog.Entry> list(
            @RequestParam(required = false) String rule,
            @RequestParam(name = "ticket_id", required = false) Long ticketId,
            @RequestParam(name = "mailbox_id", required = false) Long mailboxId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit) {
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : Cursor.decodeId(cursor);
        InboundLog.Filter filter = new InboundLog.Filter(
                rule == null ? null : parse("rule", rule, InboundRule.class), ticketId, mailboxId, from);
        return KeysetPage.of(log.list(filter, before, limit), limit, InboundLog.Entry::id);
    }

    @Operation(summary = "The original MIME of a logged mail (message/rfc822), as it was read from the mailbox")
    @GetMapping("/log/{id}/raw")
    ResponseEntity<byte[]> raw(@PathVariable long id) {
        return Downloads.attachment("message/rfc822", "mail-" + id + ".eml", log.raw(id));
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(
                    field,
                    "must be one of "
                            + String.join(
                                    ", ",
                                    Arrays.stream(type.getEnumConstants())
                                            .map(Enum::name)
                                            .toList()));
        }
    }
}
