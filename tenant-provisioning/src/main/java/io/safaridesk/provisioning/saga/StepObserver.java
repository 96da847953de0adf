package io.safaridesk.provisioning.saga;

import java.util.UUID;

/** Told before each saga step runs; what it throws fails that step (tests use it to inject failures). */
public interface StepObserver {

    void beforeStep(UUID tenantId, ProvisioningStep step);

    StepObserver NONE = (tenantId, step) -> {};
}
