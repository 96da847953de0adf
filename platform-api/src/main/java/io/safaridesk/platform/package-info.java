/**
 * The core every SafariDesk service shares: tenancy (tenant context, schema routing, per-schema migrations), the error
 * model, outbox and event contracts, storage, web helpers, the audit trail and mail-template rendering. It holds no
 * feature domain (that is {@code helpdesk-domain}), no web controllers and no message listeners.
 */
package io.safaridesk.platform;
