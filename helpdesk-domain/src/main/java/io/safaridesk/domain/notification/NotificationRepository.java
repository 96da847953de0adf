package io.safaridesk.domain.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    /** Newest first: keyset on descending id, {@code before} exclusive ({@link Long#MAX_VALUE} for the first page). */
    @Query(
            nativeQuery = true,
            value = "select * from notifications where recipient_user_id = :user and id < :before"
                    + " and (:unreadOnly = false or read_at is null) order by id desc limit :limit")
    List<Notification> page(
            @Param("user") String userId,
            @Param("before") long before,
            @Param("unreadOnly") boolean unreadOnly,
            @Param("limit") int limit);

    Optional<Notification> findByIdAndRecipientUserId(long id, String recipientUserId);

    @Query(
            nativeQuery = true,
            value = "select count(*) from notifications where recipient_user_id = :user and read_at is null")
    long unread(@Param("user") String userId);

    @Modifying
    @Query(
            nativeQuery = true,
            value = "update notifications set read_at = :at where recipient_user_id = :user and read_at is null")
    int markAllRead(@Param("user") String userId, @Param("at") Instant at);
}
