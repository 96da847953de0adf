package io.safaridesk.domain.profile;

/** A user changed their availability; published in-process, inside the profile change's transaction. */
public record AvailabilityChanged(String userId, Availability availability) {}
