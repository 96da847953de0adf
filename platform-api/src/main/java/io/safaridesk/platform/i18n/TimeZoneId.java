package io.safaridesk.platform.i18n;

import io.safaridesk.platform.error.ApiProblem;
import java.time.ZoneId;

/** An IANA time zone name, such as {@code Africa/Nairobi} or {@code UTC}; fixed offsets are not accepted. */
public record TimeZoneId(String value) {

    public TimeZoneId {
        if (value == null || !ZoneId.getAvailableZoneIds().contains(value)) {
            throw new IllegalArgumentException("Not an IANA time zone: " + value);
        }
    }

    /** The zone named {@code value}, or a 422 problem naming {@code field}. */
    public static TimeZoneId of(String field, String value) {
        try {
            return new TimeZoneId(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(field, "is not an IANA time zone (e.g. Africa/Nairobi)");
        }
    }

    public ZoneId zone() {
        return ZoneId.of(value);
    }
}
