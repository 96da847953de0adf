package io.safaridesk.domain.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A customer the workspace deals with, identified by email address. Once invited to the customer portal it is linked
 * to the realm user that logs in for it. Lives in the workspace's schema.
 */
@Entity
@Table(name = "contacts")
public class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String email;

    private String phone;

    private String organisation;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> tags = new ArrayList<>();

    private String userId;

    private Instant invitedAt;

    private String language;

    @Column(nullable = false)
    private boolean emailUpdates = true;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected Contact() {}

    static Contact create(Contacts.Details details, Instant now) {
        Contact contact = new Contact();
        contact.apply(details);
        contact.createdAt = now;
        contact.updatedAt = now;
        return contact;
    }

    void update(Contacts.Details details, Instant now) {
        apply(details);
        this.updatedAt = now;
    }

    /** Links the contact to the portal user made for it; a contact is invited once. */
    void invited(String userId, Instant now) {
        if (this.userId != null) {
            throw Contacts.ContactAlreadyInvited.forId(id);
        }
        this.userId = userId;
        this.invitedAt = now;
        this.updatedAt = now;
    }

    private void apply(Contacts.Details details) {
        this.name = details.name();
        this.email = details.email();
        this.phone = details.phone();
        this.organisation = details.organisation();
        this.tags = new ArrayList<>(details.tags());
        this.language = details.language() == null ? null : details.language().value();
        this.emailUpdates = details.emailUpdates();
    }

    /** The language mail to this contact is written in; null for the workspace's default. */
    public String language() {
        return language;
    }

    /** Whether the contact gets mail when their ticket is solved, closed or waits on them. */
    public boolean emailUpdates() {
        return emailUpdates;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public String organisation() {
        return organisation;
    }

    public List<String> tags() {
        return List.copyOf(tags);
    }

    /** The realm user of the customer portal, once invited; null before. */
    public String userId() {
        return userId;
    }

    public Instant invitedAt() {
        return invitedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public int version() {
        return version;
    }
}
