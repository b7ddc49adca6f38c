package com.disclosuredesk.transparency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.disclosuredesk.web.FieldProblem;

/**
 * A period of the transparency report: whole days in UTC, both ends inclusive. An entry counts in the period when
 * the order ended (the ledger's {@code ended_at}) at or after {@code from} 00:00:00Z and before the day after
 * {@code to} 00:00:00Z: an order that ended at 23:59:59.999999Z on the last day of a quarter counts in that quarter.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /** The longest period one report may cover. */
    public static final int MAX_YEARS = 5;

    private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    private static final Pattern QUARTER_ID = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH_ID = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern RANGE_ID = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})_(\\d{4}-\\d{2}-\\d{2})");

    public ReportPeriod {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("a period ends on or after its first day");
        }
    }

    /** The first instant of the period (inclusive). */
    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period (exclusive): midnight UTC after its last day. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Whether the period is exactly one calendar quarter. */
    public boolean isQuarter() {
        return from.getDayOfMonth() == 1 && (from.getMonthValue() - 1) % 3 == 0
                && to.equals(from.plusMonths(3).minusDays(1));
    }

    /** Whether the period is exactly one calendar month. */
    public boolean isMonth() {
        return from.getDayOfMonth() == 1 && to.equals(from.plusMonths(1).minusDays(1));
    }

    /**
     * {@code 2026-Q4} for a calendar quarter, {@code 2026-11} for a calendar month, {@code 2026-10-01_2026-11-15} for
     * any other period.
     */
    public String id() {
        if (isQuarter()) {
            return from.getYear() + "-Q" + ((from.getMonthValue() - 1) / 3 + 1);
        }
        if (isMonth()) {
            return String.format("%04d-%02d", from.getYear(), from.getMonthValue());
        }
        return from + "_" + to;
    }

    public static ReportPeriod month(int year, int month) {
        LocalDate first = LocalDate.of(year, month, 1);
        return new ReportPeriod(first, first.plusMonths(1).minusDays(1));
    }

    /** The month before the one in which {@code now} falls, in UTC: on the first of a month, the one just ended. */
    public static ReportPeriod monthEndedBefore(Instant now) {
        LocalDate firstOfThisMonth = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
        LocalDate first = firstOfThisMonth.minusMonths(1);
        return month(first.getYear(), first.getMonthValue());
    }

    public static ReportPeriod quarter(int year, int quarter) {
        LocalDate first = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new ReportPeriod(first, first.plusMonths(3).minusDays(1));
    }

    /** The quarter before the one in which {@code now} falls, in UTC: at the start of a quarter, the one just ended. */
    public static ReportPeriod quarterEndedBefore(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate firstOfThisQuarter = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
        LocalDate first = firstOfThisQuarter.minusMonths(3);
        return new ReportPeriod(first, firstOfThisQuarter.minusDays(1));
    }

    /** A period given as two request parameters (or process variables), named {@code fromField} and {@code toField}. */
    public static ReportPeriod parse(String from, String to, String fromField, String toField) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate first = date(from, fromField, problems);
        LocalDate last = date(to, toField, problems);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                problems.add(new FieldProblem(toField, "must not be before " + fromField));
            } else if (last.plusDays(1).isAfter(first.plusYears(MAX_YEARS))) {
                problems.add(new FieldProblem(toField, "the period may be at most " + MAX_YEARS + " years long"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ReportRequestException(problems);
        }
        return new ReportPeriod(first, last);
    }

    public static ReportPeriod parse(String from, String to) {
        return parse(from, to, "from", "to");
    }

    /**
     * A period by its id ({@code 2026-Q4}, {@code 2026-11} or {@code 2026-10-01_2026-11-15}); a range that is a whole
     * month or quarter is the same period as its short id.
     */
    public static ReportPeriod ofId(String id) {
        Matcher quarter = QUARTER_ID.matcher(id == null ? "" : id);
        if (quarter.matches()) {
            return quarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)));
        }
        Matcher month = MONTH_ID.matcher(id == null ? "" : id);
        if (month.matches()) {
            return month(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)));
        }
        Matcher range = RANGE_ID.matcher(id == null ? "" : id);
        if (range.matches()) {
            try {
                return parse(range.group(1), range.group(2));
            } catch (ReportRequestException e) {
                // reported below, naming the path variable
            }
        }
        throw new ReportRequestException(List.of(new FieldProblem("period",
                "must be a month such as 2026-11, a quarter such as 2026-Q4 or a period such as 2026-10-01_2026-11-15")));
    }

    private static LocalDate date(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required, as a date yyyy-MM-dd (UTC)"));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date yyyy-MM-dd"));
            return null;
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            problems.add(new FieldProblem(field, "must be between " + EARLIEST + " and " + LATEST));
            return null;
        }
        return date;
    }
}
