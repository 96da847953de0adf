package io.safaridesk.provisioning.domain;

/** What one verification method found: passed, or a sentence saying what was wrong. */
record CheckOutcome(boolean passed, String detail) {

    static CheckOutcome passed(String detail) {
        return new CheckOutcome(true, detail);
    }

    static CheckOutcome failed(String detail) {
        return new CheckOutcome(false, detail);
    }
}
