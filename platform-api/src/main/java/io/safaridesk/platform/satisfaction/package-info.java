/**
 * Customer satisfaction (CSAT): a survey per solve episode of a ticket, mailed to its requester after the workspace's
 * delay, answered good or bad through a signed, expiring link; the answers feed the ticket, its history, an event and
 * the reports.
 */
package io.safaridesk.platform.satisfaction;
