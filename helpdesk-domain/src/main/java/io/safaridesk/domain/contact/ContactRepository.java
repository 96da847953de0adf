package io.safaridesk.domain.contact;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ContactRepository extends JpaRepository<Contact, Long> {

    @Query(nativeQuery = true, value = """
            select * from contacts
             where id > :afterId
               and (name ilike :pattern escape '\\' or email ilike :pattern escape '\\'
                    or organisation ilike :pattern escape '\\')
               and (cast(:tag as text) is null or tags @> array[cast(:tag as text)])
             order by id
             limit :limit
            """)
    List<Contact> search(
            @Param("afterId") long afterId,
            @Param("pattern") String pattern,
            @Param("tag") String tag,
            @Param("limit") int limit);

    // lower(), not the upper() of derived IgnoreCase queries: the unique index contacts_email is on lower(email)
    @Query("select count(c) > 0 from Contact c where lower(c.email) = lower(:email)")
    boolean existsByEmailIgnoreCase(@Param("email") String email);

    /** Whether tickets or messages refer to the contact (their foreign keys keep it). */
    @Query(nativeQuery = true, value = """
            select exists (select 1 from tickets where requester_id = :id)
                or exists (select 1 from ticket_messages where author_contact_id = :id)
            """)
    boolean hasTickets(@Param("id") long id);

    @Query("select c from Contact c where lower(c.email) = lower(:email)")
    Optional<Contact> findByEmailIgnoreCase(@Param("email") String email);

    Optional<Contact> findByUserId(String userId);

    /** Creates the contact unless one with this email exists (concurrent creators meet at the unique index). */
    @Modifying
    @Query(nativeQuery = true, value = """
            insert into contacts (name, email, phone) values (:name, :email, :phone)
            on conflict ((lower(email))) do nothing
            """)
    void insertIfAbsent(@Param("name") String name, @Param("email") String email, @Param("phone") String phone);

    @Query("select count(c) > 0 from Contact c where lower(c.email) = lower(:email) and c.id <> :id")
    boolean existsByEmailIgnoreCaseAndIdNot(@Param("email") String email, @Param("id") long id);
}
