package io.safaridesk.worker.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.safaridesk.domain.export.ExportFormat;
import io.safaridesk.domain.export.ExportState;
import io.safaridesk.domain.export.TicketExport;
import io.safaridesk.domain.export.TicketExports;
import io.safaridesk.platform.actor.Actor;
import io.safaridesk.platform.storage.StorageProperties;
import io.safaridesk.platform.tenancy.TenantContext;
import io.safaridesk.platform.tenancy.TenantSchemas;
import io.safaridesk.platform.testing.TicketGenerator;
import io.safaridesk.worker.testing.PeakHeap;
import io.safaridesk.worker.testing.WorkerIntegrationTest;
import io.safaridesk.worker.testing.WorkerTestWorkspace;
import io.safaridesk.worker.testing.WorkerTestWorkspaces;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * An export streams: exporting 100,000 tickets keeps no more heap live than exporting 1,000 (within a small margin
 * for the cursor's fetch and the writer's window). An export that collected its rows (or a driver that fetched them
 * all at once) would hold tens of megabytes more and fail this test.
 */
@WorkerIntegrationTest
@TestPropertySource(properties = "safaridesk.messaging.queue-prefix=safaridesk.worker-test-exports")
class TicketExportMemoryIntegrationTests {

    private static final long MARGIN = 16L * 1024 * 1024;

    @Autowired
    WorkerTestWorkspaces workspaces;

    @Autowired
    TicketExports exports;

    @Autowired
    ExportJob job;

    @Autowired
    DataSource dataSource;

    @Autowired
    TenantSchemas schemas;

    @Autowired
    StorageProperties storage;

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void exportingAHundredTimesMoreTicketsNeedsNoMoreHeap(ExportFormat format) throws SQLException {
        long small = peakHeapOfExport(1_000, format);
        long large = peakHeapOfExport(100_000, format);

        System.out.printf(
                "%s export: peak live heap %.1f MB for 1,000 tickets, %.1f MB for 100,000%n",
                format, small / 1048576.0, large / 1048576.0);
        assertThat(large).isLessThan(small + MARGIN);
    }

    private long peakHeapOfExport(int tickets, ExportFormat format) throws SQLException {
        WorkerTestWorkspace workspace = workspaces.create();
        Actor admin = workspace.agent("Ann", Actor.Role.ADMIN);
        TicketGenerator.generate(dataSource, workspace.slug().schemaName(), tickets);
        long id = workspace
                .inTransaction(() -> exports.requestList(ExportTestSupport.list(), format, admin))
                .id();

        try {
            long peak = PeakHeap.during(() -> TenantContext.runAs(workspace.slug(), () -> job.run(id)), 100);

            TicketExport export = workspace.inTransaction(() -> exports.get(id, admin));
            assertThat(export.state()).isEqualTo(ExportState.READY);
            assertThat(export.rowCount()).isEqualTo(tickets);
            return peak;
        } finally {
            workspace.discard(schemas, storage);
        }
    }
}
