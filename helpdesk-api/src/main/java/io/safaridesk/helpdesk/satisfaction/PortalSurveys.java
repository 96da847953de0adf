package io.safaridesk.helpdesk.satisfaction;

import io.safaridesk.domain.satisfaction.Rating;
import io.safaridesk.domain.satisfaction.Satisfaction;
import io.safaridesk.helpdesk.portal.PortalWorkspaces;
import io.safaridesk.platform.tenancy.TenantContext;
import org.springframework.stereotype.Component;

/**
 * The survey links of a workspace's portal ({@code /api/v1/portal/{slug}/satisfaction/{token}}): no login, so the
 * workspace comes from the path, and only an active one; the token must then verify for that very workspace.
 */
@Component
public class PortalSurveys {

    private final PortalWorkspaces workspaces;
    private final Satisfaction satisfaction;

    PortalSurveys(PortalWorkspaces workspaces, Satisfaction satisfaction) {
        this.workspaces = workspaces;
        this.satisfaction = satisfaction;
    }

    public Satisfaction.SurveyView view(String slug, String token) {
        return TenantContext.callAs(workspaces.active(slug), () -> satisfaction.view(token));
    }

    public Satisfaction.SurveyView answer(String slug, String token, Rating rating, String comment) {
        return TenantContext.callAs(workspaces.active(slug), () -> satisfaction.answer(token, rating, comment));
    }
}
