/**
 * The library every SafariDesk service shares: tenancy, the helpdesk domain and its persistence, message contracts and
 * the error model. It holds no web controllers and no message listeners.
 */
package io.safaridesk.platform;
