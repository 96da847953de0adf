package io.safaridesk.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WorkspaceTagFilterUnitTests {

    @Test
    void namedWorkspacesKeepTheirTagAndAllOthersShareOneSeries() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        meters.config().meterFilter(new WorkspaceTagFilter(Set.of("acme")));

        meters.counter("safaridesk.tickets.opened", "workspace", "acme").increment();
        IntStream.range(0, 1_000)
                .forEach(i -> meters.counter("safaridesk.tickets.opened", "workspace", "w" + i)
                        .increment());

        assertThat(meters.find("safaridesk.tickets.opened").counters())
                .hasSize(2)
                .extracting(counter -> counter.getId().getTag("workspace"))
                .containsExactlyInAnyOrder("acme", "other");
        assertThat(meters.get("safaridesk.tickets.opened")
                        .tag("workspace", "other")
                        .counter()
                        .count())
                .isEqualTo(1_000);
    }

    @Test
    void metersWithoutAWorkspaceTagAreLeftAlone() {
        WorkspaceTagFilter filter = new WorkspaceTagFilter(Set.of());
        Meter.Id id = new Meter.Id("safaridesk.mail.sent", Tags.of("outcome", "sent"), null, null, Meter.Type.COUNTER);

        assertThat(filter.map(id)).isSameAs(id);
    }
}
