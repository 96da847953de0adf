package io.safaridesk.provisioning.cli;

import io.safaridesk.provisioning.tenant.Tenant;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/** A workspace as the CLI prints it. */
record TenantRow(
        String slug,
        String status,
        String businessName,
        String domain,
        String adminEmail,
        boolean emailVerified,
        boolean domainVerified,
        String issuer,
        String cell,
        String movingTo,
        Instant createdAt) {

    static TenantRow of(Tenant tenant) {
        return new TenantRow(
                tenant.slug().value(),
                tenant.status().name(),
                tenant.businessName(),
                tenant.domain(),
                tenant.adminEmail(),
                tenant.emailVerifiedAt() != null,
                tenant.domainVerifiedAt() != null,
                tenant.issuer(),
                tenant.cell(),
                tenant.movingTo(),
                tenant.createdAt());
    }

    static void printTable(List<TenantRow> rows, PrintWriter out) {
        String format = "%-32s %-13s %-16s %-30s %-30s%n";
        out.printf(format, "SLUG", "STATUS", "CELL", "BUSINESS", "DOMAIN");
        rows.forEach(r -> out.printf(
                format, r.slug(), r.status(), r.cell() == null ? "-" : r.cell(), r.businessName(), r.domain()));
        out.printf("%d workspace(s)%n", rows.size());
    }

    void printDetails(PrintWriter out) {
        out.printf("slug:            %s%n", slug);
        out.printf("status:          %s%n", status);
        out.printf("business:        %s%n", businessName);
        out.printf("domain:          %s (%s)%n", domain, domainVerified ? "verified" : "not verified");
        out.printf("admin:           %s (%s)%n", adminEmail, emailVerified ? "verified" : "not verified");
        out.printf("issuer:          %s%n", issuer == null ? "-" : issuer);
        out.printf(
                "realm cell:      %s%s%n",
                cell == null ? "-" : cell, movingTo == null ? "" : " (moving to " + movingTo + ", read-only)");
        out.printf("created:         %s%n", createdAt);
    }
}
