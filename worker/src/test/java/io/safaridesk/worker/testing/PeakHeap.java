package io.safaridesk.worker.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap that stays reachable while some work runs: a sampler collects garbage every {@code intervalMillis}
 * and reads the heap in use right after, so what it sees is live data, not garbage waiting for a collection.
 */
public final class PeakHeap {

    private PeakHeap() {}

    /** Runs {@code work} and answers the largest live heap seen meanwhile, in bytes. */
    public static long during(Runnable work, long intervalMillis) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                memory.gc();
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            work.run();
        } finally {
            running.set(false);
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return peak.get();
    }
}
