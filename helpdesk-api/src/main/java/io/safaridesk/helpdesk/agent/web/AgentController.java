package io.safaridesk.helpdesk.agent.web;

import static io.safaridesk.helpdesk.security.Caller.ADMIN;

import io.safaridesk.domain.agent.Agent;
import io.safaridesk.domain.agent.AgentRole;
import io.safaridesk.domain.agent.Agents;
import io.safaridesk.helpdesk.agent.AgentAdministration;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.helpdesk.security.TenantAuthentication;
import io.safaridesk.platform.web.Cursor;
import io.safaridesk.platform.web.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Callers(ADMIN)
@Tag(name = "Agents")
@RestController
@RequestMapping("/api/v1/agent")
@Validated
class AgentController {

    private final AgentAdministration agents;

    AgentController(AgentAdministration agents) {
        this.agents = agents;
    }

    record InviteRequest(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 40) String phone,
            List<@NotNull Long> departments,
            List<@NotNull Long> leads,
            @NotBlank String role) {

        Agents.Invitation toInvitation() {
            return new Agents.Invitation(name.trim(), email, phone, ids(departments), ids(leads), AgentRole.of(role));
        }
    }

    record UpdateRequest(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 40) String phone,
            List<@NotNull Long> departments,
            List<@NotNull Long> leads,
            String role,
            Integer version) {

        Agents.Changes toChanges() {
            return new Agents.Changes(
                    name.trim(),
                    phone,
                    ids(departments),
                    ids(leads),
                    role == null ? null : AgentRole.of(role),
                    version);
        }
    }

    record StatusRequest(@NotNull Boolean active) {}

    private static Set<Long> ids(List<Long> ids) {
        return ids == null ? Set.of() : Set.copyOf(ids);
    }

    record DepartmentMembership(long id, boolean lead) {}

    record AgentView(
            long id,
            String userId,
            String name,
            String email,
            String phone,
            String role,
            boolean active,
            boolean available,
            String signature,
            List<DepartmentMembership> departments,
            Instant createdAt,
            Instant updatedAt,
            boolean deleted,
            Instant deletedAt,
            int version) {

        static AgentView of(Agent a) {
            return new AgentView(
                    a.id(),
                    a.keycloakUserId(),
                    a.name(),
                    a.email(),
                    a.phone(),
                    a.role().value(),
                    a.active(),
                    a.available(),
                    a.signature(),
                    a.memberships().stream()
                            .map(m -> new DepartmentMembership(m.departmentId(), m.lead()))
                            .toList(),
                    a.createdAt(),
                    a.updatedAt(),
                    a.deleted(),
                    a.deletedAt(),
                    a.version());
        }
    }

    @Operation(summary = "Invite an agent: Keycloak user with required actions, invitation mail, profile (admins)")
    @PostMapping("/create")
    ResponseEntity<AgentView> create(TenantAuthentication caller, @Valid @RequestBody InviteRequest request) {
        AgentView created = AgentView.of(agents.invite(caller, request.toInvitation()));
        return ResponseEntity.created(URI.create("/api/v1/agent/get/" + created.id()))
                .body(created);
    }

    @Operation(summary = "Agents in id order, filtered; pass next_cursor back as cursor for the next page (admins)")
    @GetMapping("/list")
    KeysetPage<AgentView> list(
            TenantAuthentication caller,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) Long department,
            @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) Boolean available,
            @RequestParam(required = false) @Size(max = 100) String search) {
        List<AgentView> items = agents
                .list(caller, new Agents.Filter(department, active, available, search), Cursor.decodeId(cursor), limit)
                .stream()
                .map(AgentView::of)
                .toList();
        return KeysetPage.of(items, limit, AgentView::id);
    }

    @GetMapping("/get/{id}")
    AgentView get(TenantAuthentication caller, @PathVariable long id) {
        return AgentView.of(agents.get(caller, id));
    }

    @Operation(summary = "Change name, phone, departments and role; a role change shows in the next token (admins)")
    @PutMapping("/update/{id}")
    AgentView update(TenantAuthentication caller, @PathVariable long id, @Valid @RequestBody UpdateRequest request) {
        return AgentView.of(agents.update(caller, id, request.toChanges()));
    }

    @Operation(summary = "Activate or deactivate; a deactivated agent cannot log in and is not assignable (admins)")
    @PutMapping("/status/{id}")
    AgentView status(TenantAuthentication caller, @PathVariable long id, @Valid @RequestBody StatusRequest request) {
        return AgentView.of(agents.changeStatus(caller, id, request.active()));
    }
}
