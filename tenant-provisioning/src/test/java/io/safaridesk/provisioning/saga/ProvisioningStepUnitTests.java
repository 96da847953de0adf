package io.safaridesk.provisioning.saga;

import static io.safaridesk.provisioning.saga.ProvisioningStep.ACTIVATE;
import static io.safaridesk.provisioning.saga.ProvisioningStep.CREATE_ADMIN;
import static io.safaridesk.provisioning.saga.ProvisioningStep.CREATE_REALM;
import static io.safaridesk.provisioning.saga.ProvisioningStep.CREATE_SCHEMA;
import static io.safaridesk.provisioning.saga.ProvisioningStep.MIGRATE_SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProvisioningStepUnitTests {

    @Test
    void eachTrackKeepsItsOrderAndTheTracksDoNotWaitForEachOther() {
        assertThat(MIGRATE_SCHEMA.comesAfter(CREATE_SCHEMA)).isTrue();
        assertThat(CREATE_ADMIN.comesAfter(CREATE_REALM)).isTrue();
        assertThat(CREATE_REALM.comesAfter(CREATE_SCHEMA)).isFalse();
        assertThat(CREATE_REALM.comesAfter(MIGRATE_SCHEMA)).isFalse();
        assertThat(CREATE_ADMIN.comesAfter(MIGRATE_SCHEMA)).isFalse();
        assertThat(CREATE_SCHEMA.comesAfter(MIGRATE_SCHEMA)).isFalse();
    }

    @Test
    void activationComesAfterEveryOtherStep() {
        for (ProvisioningStep step : ProvisioningStep.values()) {
            assertThat(ACTIVATE.comesAfter(step)).isEqualTo(step != ACTIVATE);
        }
    }
}
