package io.safaridesk.provisioning.cli;

import io.safaridesk.platform.tenancy.TenantStatus;
import io.safaridesk.provisioning.saga.ProvisioningJobs;
import io.safaridesk.provisioning.saga.ProvisioningStep;
import io.safaridesk.provisioning.tenant.Tenant;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A workspace as the CLI prints it. One workspace ({@code show}, and every command on one) comes with its provisioning
 * job, and a FAILED one with the reason it failed; a list leaves both out.
 */
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
        Instant createdAt,
        @Nullable String failedReason,
        @Nullable JobRow provisioningJob) {

    /** The workspace's provisioning job: its status, tries since it was queued, finished steps and last error. */
    record JobRow(
            String status,
            int attempts,
            Set<ProvisioningStep> completedSteps,
            @Nullable String lastError) {

        static JobRow of(ProvisioningJobs.Job job) {
            return new JobRow(job.status(), job.attempts(), new TreeSet<>(job.completedSteps()), job.lastError());
        }
    }

    static TenantRow of(Tenant tenant) {
        return of(tenant, Optional.empty());
    }

    static TenantRow of(Tenant tenant, Optional<ProvisioningJobs.Job> job) {
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
                tenant.createdAt(),
                tenant.status() == TenantStatus.FAILED
                        ? job.map(ProvisioningJobs.Job::lastError).orElse("no reason recorded")
                        : null,
                job.map(JobRow::of).orElse(null));
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
        if (failedReason != null) {
            out.printf("failed because:  %s%n", failedReason);
        }
        if (provisioningJob != null) {
            out.printf(
                    "provisioning job: %s, attempts %d, steps done %s%s%n",
                    provisioningJob.status(),
                    provisioningJob.attempts(),
                    provisioningJob.completedSteps(),
                    provisioningJob.lastError() == null ? "" : ", last error: " + provisioningJob.lastError());
        }
    }
}
