package io.safaridesk.provisioning.cell;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code safaridesk.realm.cell.workspaces} and {@code safaridesk.realm.cell.capacity} per realm cell, refreshed every
 * {@code safaridesk.cells.metrics-interval}, for the "Keycloak cell near capacity" alert. The cells are a handful that
 * an operator registers, so the {@code cell} tag stays bounded.
 */
@Component
class CellOccupancy {

    private static final Logger log = LoggerFactory.getLogger(CellOccupancy.class);

    private final RealmCells cells;
    private final MultiGauge workspaces;
    private final MultiGauge capacity;

    CellOccupancy(RealmCells cells, MeterRegistry meters) {
        this.cells = cells;
        this.workspaces = MultiGauge.builder("safaridesk.realm.cell.workspaces")
                .description("Workspaces whose realm the cell holds or receives")
                .register(meters);
        this.capacity = MultiGauge.builder("safaridesk.realm.cell.capacity")
                .description("Workspaces the cell may hold")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${safaridesk.cells.metrics-interval:30s}", initialDelay = 0)
    void refresh() {
        try {
            List<RealmCell> all = cells.list();
            workspaces.register(
                    all.stream()
                            .map(cell -> MultiGauge.Row.of(Tags.of("cell", cell.name()), cell.workspaces()))
                            .toList(),
                    true);
            capacity.register(
                    all.stream()
                            .map(cell -> MultiGauge.Row.of(Tags.of("cell", cell.name()), cell.capacity()))
                            .toList(),
                    true);
        } catch (DataAccessException unreachable) {
            log.debug("Cell occupancy unknown: {}", unreachable.getMessage());
        }
    }
}
