package io.safaridesk.domain.sla;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A zone's UTC offsets over the range the calculator supports, as stretches between offset transitions, found by
 * binary search (asking {@link ZoneRules} for each instant costs more than the rest of a calculation). One per zone,
 * built on first use and kept: at most a few hundred transitions each.
 */
final class OffsetTimeline {

    private static final ConcurrentHashMap<ZoneId, OffsetTimeline> BY_ZONE = new ConcurrentHashMap<>();

    /** Epoch nanoseconds at which each stretch after the first begins. */
    private final long[] transitions;

    /** The offset of each stretch, in nanoseconds. */
    private final long[] offsets;

    private OffsetTimeline(long[] transitions, long[] offsets) {
        this.transitions = transitions;
        this.offsets = offsets;
    }

    static OffsetTimeline of(ZoneId zone) {
        return BY_ZONE.computeIfAbsent(zone, OffsetTimeline::build);
    }

    private static OffsetTimeline build(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        long[] transitions = new long[16];
        long[] offsets = new long[17];
        offsets[0] =
                offsetNanos(rules.getOffset(BusinessTimeCalculator.EARLIEST).getTotalSeconds());
        int count = 0;
        Instant cursor = BusinessTimeCalculator.EARLIEST;
        for (ZoneOffsetTransition next = rules.nextTransition(cursor);
                next != null && next.getInstant().isBefore(BusinessTimeCalculator.LATEST);
                next = rules.nextTransition(next.getInstant())) {
            if (count == transitions.length) {
                transitions = Arrays.copyOf(transitions, count * 2);
                offsets = Arrays.copyOf(offsets, count * 2 + 1);
            }
            transitions[count] = BusinessTimeCalculator.epochNanos(next.getInstant());
            offsets[++count] = offsetNanos(next.getOffsetAfter().getTotalSeconds());
        }
        return new OffsetTimeline(Arrays.copyOf(transitions, count), Arrays.copyOf(offsets, count + 1));
    }

    /** The stretch that holds the instant {@code epochNanos}. */
    int stretchAt(long epochNanos) {
        int found = Arrays.binarySearch(transitions, epochNanos);
        return found >= 0 ? found + 1 : -found - 1;
    }

    long offset(int stretch) {
        return offsets[stretch];
    }

    boolean isLast(int stretch) {
        return stretch == transitions.length;
    }

    /** Where the stretch ends, in epoch nanoseconds; only for one that is not the last. */
    long end(int stretch) {
        return transitions[stretch];
    }

    private static long offsetNanos(int seconds) {
        return seconds * BusinessTimeCalculator.NANOS_PER_SECOND;
    }
}
