package io.safaridesk.helpdesk.me.web;

import static io.safaridesk.helpdesk.security.Caller.SIGNED_IN;

import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.helpdesk.security.TenantAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Callers(SIGNED_IN)
@RestController
class MeController {

    record MeView(String workspace, String userId, String username, String email, String name, List<String> roles) {

        static MeView of(TenantAuthentication caller) {
            var token = caller.getToken();
            return new MeView(
                    caller.tenant().value(),
                    caller.userId(),
                    token.getClaimAsString("preferred_username"),
                    token.getClaimAsString("email"),
                    token.getClaimAsString("name"),
                    caller.roles());
        }
    }

    @Operation(summary = "The caller: workspace, identity and roles, from the token")
    @GetMapping("/api/v1/me")
    MeView me(TenantAuthentication caller) {
        return MeView.of(caller);
    }
}
