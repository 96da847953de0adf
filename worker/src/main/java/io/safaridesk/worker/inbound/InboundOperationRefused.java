package io.safaridesk.worker.inbound;

import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.tenancy.TenantSlug;
import org.springframework.http.HttpStatus;

/** An operator's command on inbound mail ({@code safaridesk mail ...}) that cannot be done. */
final class InboundOperationRefused extends ApiProblem {

    private InboundOperationRefused(HttpStatus status, String type, String detail) {
        super(status, type, detail);
    }

    static InboundOperationRefused noUnroutableMail(long id) {
        return new InboundOperationRefused(
                HttpStatus.NOT_FOUND, "unroutable-mail-not-found", "No unroutable mail " + id + " is kept");
    }

    static InboundOperationRefused noWorkspace(TenantSlug workspace) {
        return new InboundOperationRefused(
                HttpStatus.NOT_FOUND, "workspace-not-found", "No active workspace " + workspace.value());
    }

    static InboundOperationRefused noFailedMail(long id) {
        return new InboundOperationRefused(
                HttpStatus.NOT_FOUND,
                "failed-mail-not-found",
                "No FAILED mail " + id + " with its original kept waits to be re-taken");
    }

    static InboundOperationRefused takenInBefore(String messageId) {
        return new InboundOperationRefused(
                HttpStatus.CONFLICT,
                "mail-taken-in-before",
                "The workspace took in a mail with Message-ID " + messageId + " before");
    }

    static InboundOperationRefused noSender(String messageId) {
        return new InboundOperationRefused(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "mail-without-sender",
                "Mail " + messageId + " names no sender: it can become no ticket");
    }
}
