package io.safaridesk.helpdesk.portal.web;

import static io.safaridesk.helpdesk.security.Caller.ANYONE;

import io.safaridesk.helpdesk.portal.WebForm;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.platform.web.ClientAddresses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The anonymous web form of a workspace's portal: no token, rate-limited, answers only the ticket number. */
@Callers(ANYONE)
@Tag(name = "Customer portal")
@RestController
class WebFormController {

    private final WebForm form;
    private final ClientAddresses addresses;

    WebFormController(WebForm form, ClientAddresses addresses) {
        this.form = form;
        this.addresses = addresses;
    }

    record WebFormRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 50) String phone,
            @NotBlank @Size(max = 250) String subject,
            @NotBlank @Size(max = 50_000) String description,
            Long categoryId) {

        WebForm.Submission toSubmission() {
            return new WebForm.Submission(name.strip(), email, phone, subject, description, categoryId);
        }
    }

    @Operation(
            summary = "Opens a ticket from the workspace's public web form (no token); rate-limited per client address"
                    + " and per email (429 with Retry-After and RateLimit fields)")
    @PostMapping("/api/v1/portal/{slug}/tickets")
    @ResponseStatus(HttpStatus.CREATED)
    WebForm.Receipt submit(
            @PathVariable String slug, @Valid @RequestBody WebFormRequest request, HttpServletRequest http) {
        return form.submit(slug, request.toSubmission(), addresses.of(http), http.getHeader(HttpHeaders.USER_AGENT));
    }
}
