package io.safaridesk.helpdesk.inbound.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;

import io.safaridesk.domain.inbound.InboundReviews;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.web.Cursor;
import io.safaridesk.platform.web.Downloads;
import io.safaridesk.platform.web.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's review queue of inbound mail; admins only (the security configuration's settings rule). */
@Callers(ADMIN)
@Tag(name = "Inbound mail")
@RestController
@RequestMapping("/api/v1/settings/inbound-mail/review")
@Validated
class InboundReviewController {

    private final InboundReviews reviews;

    InboundReviewController(InboundReviews reviews) {
        this.reviews = reviews;
    }

    /** {@code as}: {@code new_ticket}, or {@code reply} with the {@code ticket_id} it answers. */
    record ReleaseRequest(String as, Long ticketId) {

        boolean asReply() {
            if (as == null || as.isBlank()) {
                throw ApiProblem.invalidField("as", "is required: new_ticket or reply");
            }
            boolean reply = as.strip().equalsIgnoreCase("reply");
            if (!reply && !as.strip().equalsIgnoreCase("new_ticket")) {
                throw ApiProblem.invalidField("as", "must be new_ticket or reply");
            }
            if (reply && ticketId == null) {
                throw ApiProblem.invalidField("ticket_id", "is required to release as a reply");
            }
            return reply;
        }
    }

    @Operation(
            summary = "Mail held for review instead of being refused (a stranger on a closed ticket, a flood, a"
                    + " suspected auto-reply), newest first, with its reason")
    @GetMapping
    KeysetPage<InboundReviews.Review> list(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit) {
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : Cursor.decodeId(cursor);
        return KeysetPage.of(reviews.list(before, limit), limit, InboundReviews.Review::id);
    }

    @Operation(summary = "The original MIME of a held mail (message/rfc822)")
    @GetMapping("/{id}/raw")
    ResponseEntity<byte[]> raw(@PathVariable long id) {
        return Downloads.attachment("message/rfc822", "held-" + id + ".eml", reviews.raw(id));
    }

    @Operation(
            summary = "Releases a held mail as a new ticket of its sender (as=new_ticket) or as the sender's reply on a"
                    + " chosen ticket (as=reply, ticket_id)")
    @PostMapping("/{id}/release")
    InboundReviews.Released release(@PathVariable long id, @RequestBody ReleaseRequest request, Actor actor) {
        return request.asReply()
                ? reviews.releaseAsReply(id, request.ticketId(), actor)
                : reviews.releaseAsNewTicket(id, actor);
    }

    @Operation(summary = "Deletes a held mail; its original stays in the inbound log")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        reviews.delete(id);
    }
}
