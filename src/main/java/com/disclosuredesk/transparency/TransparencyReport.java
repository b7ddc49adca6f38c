package com.disclosuredesk.transparency;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The transparency report of a period, as published (JSON; {@link ReportCsv} writes the same figures as CSV).
 * Definitions of every figure: docs/transparency.md.
 *
 * @param period    the period: whole days in UTC, both ends inclusive
 * @param computedAt when the figures were computed
 * @param ledger    the ledger head the figures were computed from: every entry up to {@code headSeq} and no other
 * @param totals    the figures of all countries together
 * @param countries one row per requesting country that has at least one request in the period, by English name
 * @param moderation the moderation figures of the same period (notices, actions, complaints, Art. 23 suspensions,
 *                  referrals, subjects blocked per day: {@link ModerationFigures}); absent in reports frozen before
 *                  issue 17
 */
public record TransparencyReport(Period period, Instant computedAt, Ledger ledger, Row totals, List<Row> countries,
                                 ModerationFigures moderation) {

    public record Period(String id, LocalDate from, LocalDate to, String timeZone) {
        static Period of(ReportPeriod period) {
            return new Period(period.id(), period.from(), period.to(), "UTC");
        }
    }

    public record Ledger(long headSeq, String headHash) {}

    /** Requests and fulfilled requests of one order type, legal-process class, or of the emergencies. */
    public record Split(long requests, long requestsFulfilled) {}

    /**
     * The figures of one country, or of all ({@code country}, {@code countryName} and {@code botLine} absent).
     *
     * @param requests            requests received: ledger entries of orders that ended in the period, whatever the outcome
     * @param accountsSpecified   accounts named by those requests (sum of targets)
     * @param requestsFulfilled   requests whose outcome is FULFILLED (data was disclosed)
     * @param usersAffected       accounts whose data was disclosed
     * @param percentageWhereSomeDataProduced FULFILLED / requests × 100, one decimal, half up; absent without requests
     * @param outcomes            requests by outcome (every outcome, zeros included)
     * @param byOrderType         requests and fulfilled requests by order type (every type)
     * @param byLegalProcess      the same by legal-process class (every class)
     * @param emergency           requests marked as emergencies, and how many of them were fulfilled
     * @param botLine             the line the transparency bot prints for the country
     */
    public record Row(String country, String countryName, long requests, long accountsSpecified, long requestsFulfilled,
                      long usersAffected, BigDecimal percentageWhereSomeDataProduced, Map<String, Long> outcomes,
                      Map<String, Split> byOrderType, Map<String, Split> byLegalProcess, Split emergency,
                      String botLine) {}
}
