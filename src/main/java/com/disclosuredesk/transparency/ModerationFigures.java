package com.disclosuredesk.transparency;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The moderation part of the transparency report of a period (DSA Arts. 15(1)(b), (d), (e), 23 and 24(1)): notices,
 * the actions taken on them, complaints, Art. 23 suspensions, referrals to authorities and subjects blocked per day.
 * Counted from the content-report tables ({@code cr_*}) by {@link ModerationFiguresService}; no personal data, only
 * counts. Which figure answers which article and which column of the templates of Implementing Regulation (EU)
 * 2024/2835: docs/transparency.md, "Moderation figures".
 *
 * @param notices     notices received in the period (Art. 15(1)(b))
 * @param actions     review decisions taken in the period, and the reversals (Art. 15(1)(b), (c))
 * @param complaints  complaints received and decided in the period (Art. 15(1)(d))
 * @param suspensions Art. 23 suspensions decided in the period, by class (Art. 24(1)(b))
 * @param referrals   Art. 18 referrals to the authorities in the period, by country
 * @param blockedPerDay every day of the period (UTC): subjects blocked (REMOVE or RESTRICT) and blocks lifted by a
 *                    reversal
 */
public record ModerationFigures(Notices notices, Actions actions, Complaints complaints, Suspensions suspensions,
                                Referrals referrals, List<Day> blockedPerDay) {

    /**
     * @param total            notices submitted under Art. 16 received in the period (every source)
     * @param byTrustedFlaggers of them, submitted by trusted flaggers (Art. 22)
     * @param bySource         by the Transparency Database's {@code source_type} (every source, zeros included)
     * @param byCategory       by DSA category ({@code STATEMENT_CATEGORY_...}), categories with notices only
     */
    public record Notices(long total, long byTrustedFlaggers, Map<String, Long> bySource, Map<String, Long> byCategory) {}

    /**
     * @param decisions           review decisions taken in the period (REMOVE, RESTRICT, NO_ACTION)
     * @param byType              by type: REMOVE, RESTRICT, NO_ACTION (zeros included)
     * @param byGround            actions taken (REMOVE, RESTRICT) by ground: ILLEGAL_CONTENT (the law),
     *                            INCOMPATIBLE_CONTENT (Terms of Service), zeros included
     * @param byCategory          actions taken (REMOVE, RESTRICT) by the case's DSA category
     * @param noticesActioned     notices answered by those decisions (received before the decision)
     * @param medianTimeToDecisionSeconds median of (decision − notice received) over those notices, whole seconds;
     *                            absent without notices
     * @param reversals           decisions reversed by a complaint in the period
     */
    public record Actions(long decisions, Map<String, Long> byType, Map<String, Long> byGround,
                          Map<String, Long> byCategory, long noticesActioned, Long medianTimeToDecisionSeconds,
                          long reversals) {}

    /**
     * @param received  complaints (Art. 20) received in the period
     * @param decided   complaints decided in the period (UPHELD or REVERSED)
     * @param upheld    of them, the decision was upheld
     * @param reversed  of them, the decision was reversed
     * @param medianTimeToDecisionSeconds median of (complaint decided − received) over the complaints decided,
     *                  whole seconds; absent without decided complaints
     */
    public record Complaints(long received, long decided, long upheld, long reversed, Long medianTimeToDecisionSeconds) {}

    /** Art. 23 suspensions decided in the period: of notifiers, of accounts, of complainants. */
    public record Suspensions(long total, long notifiers, long accounts, long complainants) {}

    /** Art. 18 referrals to an authority in the period, by ISO 3166-1 country (the key {@code "--"}: none known). */
    public record Referrals(long total, Map<String, Long> byCountry) {}

    /** One day (UTC) of the chart: decisions that blocked a subject (REMOVE, RESTRICT), and reversals of such blocks. */
    public record Day(LocalDate day, long blocked, long lifted) {}
}
