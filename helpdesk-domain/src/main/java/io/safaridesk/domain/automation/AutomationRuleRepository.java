package io.safaridesk.domain.automation;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AutomationRuleRepository extends JpaRepository<AutomationRule, Long> {

    @Query("select r from AutomationRule r where r.kind = :kind"
            + " and (r.position > :position or (r.position = :position and r.id > :afterId))"
            + " order by r.position, r.id")
    List<AutomationRule> page(RuleKind kind, int position, long afterId, Limit limit);

    @Query("select r from AutomationRule r where r.kind = :kind and r.enabled = true order by r.position, r.id")
    List<AutomationRule> enabled(RuleKind kind);

    @Query("select coalesce(max(r.position), 0) from AutomationRule r where r.kind = :kind")
    int lastPosition(RuleKind kind);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update AutomationRule r set r.position = r.position + 1 where r.kind = :kind and r.position >= :position")
    void makeRoomAt(RuleKind kind, int position);
}
