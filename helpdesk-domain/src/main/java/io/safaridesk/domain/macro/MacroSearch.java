package io.safaridesk.domain.macro;

import io.safaridesk.platform.actor.Actor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The macro list as one statement: the actor's own and the shared macros they see, filtered, in the order asked and
 * after the cursor's position. The statement is built from fixed fragments only; every value is a parameter.
 */
@Component
@Transactional(readOnly = true, propagation = Propagation.MANDATORY)
class MacroSearch {

    @PersistenceContext
    private EntityManager entityManager;

    @SuppressWarnings("unchecked")
    List<Macro> visible(Macros.Query query, Actor actor) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        where.add("(m.scope = 'WORKSPACE' or (m.scope = 'PERSONAL' and m.owner_agent_id = :me) or (m.scope ="
                + " 'DEPARTMENT' and " + departmentsSeen(actor, parameters) + "))");
        parameters.put("me", actor.agentId());
        if (!query.scopes().isEmpty()) {
            where.add("m.scope in (:scopes)");
            parameters.put("scopes", query.scopes().stream().map(Enum::name).toList());
        }
        if (query.departmentId() != null) {
            where.add("m.department_id = :department");
            parameters.put("department", query.departmentId());
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.add("m.name ilike :text escape '\\'");
            parameters.put("text", "%" + query.text().strip().replaceAll("([\\\\%_])", "\\\\$1") + "%");
        }
        MacroSort.Position after = MacroSort.Position.decode(query.cursor(), query.sort());
        if (after != null) {
            where.add(query.sort().after());
            parameters.put("after_value", after.value());
            parameters.put("after_id", after.id());
        }
        Query statement = entityManager.createNativeQuery(
                "select m.* from macros m where " + String.join(" and ", where) + " "
                        + query.sort().orderBy() + " limit :limit",
                Macro.class);
        parameters.forEach(statement::setParameter);
        statement.setParameter("limit", query.limit());
        return statement.getResultList();
    }

    /** Admins see every department's macros; an agent those of their departments. */
    private static String departmentsSeen(Actor actor, Map<String, Object> parameters) {
        if (actor.isAdmin()) {
            return "true";
        }
        if (actor.departments().isEmpty()) {
            return "false";
        }
        parameters.put("departments", List.copyOf(actor.departments()));
        return "m.department_id in (:departments)";
    }
}
