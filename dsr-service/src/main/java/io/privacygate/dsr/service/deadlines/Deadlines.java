package io.privacygate.dsr.service.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Art. 12(3) deadlines, counted as Regulation 1182/71 counts periods in months: the period ends at the end
 * of the day of the last month with the same date as the day of receipt, or, where that day does not exist,
 * at the end of the last day of that month (received 31 January, due at the end of 28/29 February).
 * Weekends and holidays do not move the deadline: answering earlier is always lawful.
 */
public final class Deadlines {
    /** Art. 12(3): "one month of receipt". */
    public static final int FIRST_PERIOD_MONTHS = 1;
    /** Art. 12(3): "extended by two further months where necessary". */
    public static final int MAX_EXTENSION_MONTHS = 2;

    private Deadlines() {
    }

    /** The first deadline: the end of the day one calendar month after receipt, in the given zone. */
    public static Instant dueAt(Instant receivedAt, ZoneId zone) {
        return endOfDay(dueDate(receivedAt.atZone(zone).toLocalDate(), FIRST_PERIOD_MONTHS), zone);
    }

    /**
     * The deadline after an extension by {@code months} (1 or 2) further months. Counted from receipt, not
     * from the first deadline, so that received 31 January and extended by two months is due 30 April.
     */
    public static Instant extendedDueAt(Instant receivedAt, int months, ZoneId zone) {
        if (months < 1 || months > MAX_EXTENSION_MONTHS) {
            throw new IllegalArgumentException("An extension is 1 to " + MAX_EXTENSION_MONTHS + " months");
        }
        return endOfDay(dueDate(receivedAt.atZone(zone).toLocalDate(), FIRST_PERIOD_MONTHS + months), zone);
    }

    /** The date {@code months} later; a day missing in the target month falls back to its last day. */
    static LocalDate dueDate(LocalDate received, int months) {
        return received.plusMonths(months);
    }

    /** The last second of the day in the zone: the deadline is met by an answer at any time on that day. */
    static Instant endOfDay(LocalDate date, ZoneId zone) {
        return date.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
    }
}
