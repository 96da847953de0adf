package io.safaridesk.platform.observability;

import io.micrometer.core.instrument.Counter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Counts what a transaction did only once it commits: a rolled-back ticket was never created. */
public final class OnCommit {

    private OnCommit() {}

    /** Increments {@code counter} when the current transaction commits (at once outside of a transaction). */
    public static void increment(Counter counter, double amount) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment(amount);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment(amount);
            }
        });
    }
}
