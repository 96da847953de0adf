package io.safaridesk.helpdesk.contact;

import io.safaridesk.domain.contact.Contact;
import io.safaridesk.domain.contact.Contacts;
import io.safaridesk.platform.tenancy.TenantContext;
import org.springframework.stereotype.Component;

/**
 * Invites contacts to the customer portal: each becomes a user of the workspace realm with role customer, gets
 * Keycloak's invitation mail (verify email, set password) and is linked to that user.
 */
@Component
public class ContactInvitations {

    private final Contacts contacts;
    private final PortalAccounts accounts;

    ContactInvitations(Contacts contacts, PortalAccounts accounts) {
        this.contacts = contacts;
        this.accounts = accounts;
    }

    public Contact invite(long contactId) {
        Contact contact = contacts.get(contactId);
        if (contact.userId() != null) {
            return contacts.invited(contactId, contact.userId()); // refused by the contact: invited once
        }
        String userId = accounts.invite(TenantContext.current(), contact.email(), contact.name());
        return contacts.invited(contactId, userId);
    }
}
