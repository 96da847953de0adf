package io.safaridesk.domain.kb;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface KbCategoryRepository extends JpaRepository<KbCategory, Long> {

    List<KbCategory> findAllByOrderByPositionAscNameAscIdAsc();

    boolean existsByParentId(long parentId);

    /** The category and every category below it. */
    @Query(
            value = "with recursive sub(id) as (select cast(:id as bigint) union all select c.id from kb_categories c"
                    + " join sub on c.parent_id = sub.id) select id from sub",
            nativeQuery = true)
    List<Long> subtree(long id);
}
