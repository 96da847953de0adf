package io.safaridesk.domain.inbound;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MailboxRepository extends JpaRepository<Mailbox, Long> {

    List<Mailbox> findAllByOrderByIdAsc();

    List<Mailbox> findByEnabledTrueOrderByIdAsc();

    @Query("select m from Mailbox m where lower(m.address) = lower(?1)")
    Optional<Mailbox> findByAddress(String address);

    /** Takes or renews the lease: answers 1 when this owner holds the mailbox until {@code until}. */
    @Modifying
    @Query(
            value = "update mailboxes set leased_by = :owner, lease_until = :until where id = :id and enabled"
                    + " and (leased_by is null or leased_by = :owner or lease_until < :now)",
            nativeQuery = true)
    int lease(long id, String owner, Instant now, Instant until);

    @Modifying
    @Query(
            value = "update mailboxes set leased_by = null, lease_until = null where id = :id and leased_by = :owner",
            nativeQuery = true)
    int release(long id, String owner);

    @Modifying
    @Query(
            value = "update mailboxes set uid_validity = :uidValidity, last_uid = :lastUid where id = :id"
                    + " and leased_by = :owner",
            nativeQuery = true)
    int advance(long id, String owner, long uidValidity, long lastUid);

    @Modifying
    @Query(value = "update mailboxes set last_polled_at = :now, last_error = :error where id = :id", nativeQuery = true)
    int polled(long id, Instant now, String error);
}
