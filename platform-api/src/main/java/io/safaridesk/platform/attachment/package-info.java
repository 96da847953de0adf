/**
 * Files that users attach to their work (tickets, tasks): size and type checks, content-type sniffing, and storage in
 * the workspace's part of the file store, removed again when the transaction that recorded them rolls back.
 */
package io.safaridesk.platform.attachment;
