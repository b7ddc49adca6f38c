package com.disclosuredesk.misuse;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.disclosuredesk.moderation.ContentReportVariables;
import com.disclosuredesk.process.InvalidTaskInputException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * When a party crosses the misuse threshold of Art. 23 DSA, and what follows: first a warning, then a suspension
 * proposed to a moderation lead. Plain logic over counts read from the recorded decisions ({@link MisuseFacts}) and
 * the party's earlier measures; tested without the engine or a database (docs/moderation.md, "Misuse (Art. 23)").
 * <p>
 * A party <em>crosses</em> the threshold of its class when, among the items decided in the window (and acted on after
 * its last warning or proposal), at least {@code minimum-count} are manifest (manifestly unfounded notices or
 * complaints, manifestly illegal content) and they are at least {@code share-percent} of the items decided.
 * Escalation: the first crossing is answered by a WARNING; a crossing after a warning (or a decided suspension) that
 * is still valid, once the pause after the warning has passed, by SUSPENSION_PROPOSED; nothing while a proposal is
 * open. The items behind one measure never count for the next: counting starts after the last warning or proposal.
 */
@Component
@EnableConfigurationProperties(MisusePolicy.Settings.class)
public class MisusePolicy {

    /**
     * {@code disclosure-desk.moderation.misuse.*} (defaults in application.yaml).
     *
     * @param account           Art. 23(1): manifestly illegal content of an account
     * @param notifier          Art. 23(2): manifestly unfounded notices of a notifier
     * @param complainant       Art. 23(2): manifestly unfounded complaints of a complainant
     * @param pauseAfterWarning no suspension is proposed sooner than this after a warning
     * @param warningValidity   how long a warning (or a suspension, after its end) makes the next crossing a repeated
     *                          one; after that, a crossing is a first crossing again
     * @param suspension        the suspension period a lead may decide, in days
     */
    @ConfigurationProperties("disclosure-desk.moderation.misuse")
    public record Settings(Threshold account, Threshold notifier, Threshold complainant, Duration pauseAfterWarning,
                           Duration warningValidity, SuspensionDays suspension) {
        public Settings {
            Objects.requireNonNull(account, "disclosure-desk.moderation.misuse.account is not set");
            Objects.requireNonNull(notifier, "disclosure-desk.moderation.misuse.notifier is not set");
            Objects.requireNonNull(complainant, "disclosure-desk.moderation.misuse.complainant is not set");
            Objects.requireNonNull(pauseAfterWarning, "disclosure-desk.moderation.misuse.pause-after-warning is not set");
            Objects.requireNonNull(warningValidity, "disclosure-desk.moderation.misuse.warning-validity is not set");
            Objects.requireNonNull(suspension, "disclosure-desk.moderation.misuse.suspension is not set");
        }
    }

    /**
     * The threshold of one class.
     *
     * @param window       items decided within this time before the check count
     * @param minimumCount at least this many manifest items (Art. 23(3)(a), absolute numbers)
     * @param sharePercent and at least this share of the items decided (Art. 23(3)(b), relative proportion); 0: the
     *                     number alone
     */
    public record Threshold(Duration window, Integer minimumCount, Integer sharePercent) {}

    /** The suspension period a moderation lead may choose, in days, and the one the form proposes. */
    public record SuspensionDays(Integer defaultDays, Integer minimumDays, Integer maximumDays) {}

    /** The items of a party counted in one check: decided in the window, and of them manifest. */
    public record Counts(int decided, int manifest) {}

    /** What a check leads to. */
    public enum Outcome { NONE, WARNING, PROPOSE_SUSPENSION }

    /** The outcome of a check, and (for a measure) its basis text: counts and rules, never a name or an email. */
    public record Verdict(Outcome outcome, String basis) {
        static Verdict none() {
            return new Verdict(Outcome.NONE, null);
        }
    }

    /** A lead's decision on a proposed suspension, as checked. */
    public record SuspensionDecision(boolean suspend, Integer days, String reasoning) {}

    static final int MINIMUM_REASONING = 20;
    static final int MAXIMUM_REASONING = 4000;
    private static final Set<MeasureKind> CROSSINGS = Set.of(MeasureKind.WARNING, MeasureKind.SUSPENSION_PROPOSED);

    private final Settings settings;

    public MisusePolicy(Settings settings) {
        this.settings = settings;
        check(settings.account(), "account");
        check(settings.notifier(), "notifier");
        check(settings.complainant(), "complainant");
        if (settings.pauseAfterWarning().isNegative()) {
            throw new IllegalStateException("disclosure-desk.moderation.misuse.pause-after-warning must not be negative");
        }
        if (!positive(settings.warningValidity())) {
            throw new IllegalStateException("disclosure-desk.moderation.misuse.warning-validity must be a positive duration such as P365D");
        }
        SuspensionDays days = settings.suspension();
        if (days.minimumDays() == null || days.defaultDays() == null || days.maximumDays() == null || days.minimumDays() < 1
                || days.minimumDays() > days.defaultDays() || days.defaultDays() > days.maximumDays()) {
            throw new IllegalStateException("disclosure-desk.moderation.misuse.suspension: minimum-days, default-days and "
                    + "maximum-days must be set, with 1 <= minimum-days <= default-days <= maximum-days");
        }
    }

    private static void check(Threshold threshold, String name) {
        String key = "disclosure-desk.moderation.misuse." + name;
        if (threshold.window() == null || !positive(threshold.window())) {
            throw new IllegalStateException(key + ".window must be a positive duration such as P90D");
        }
        if (threshold.minimumCount() == null || threshold.minimumCount() < 1) {
            throw new IllegalStateException(key + ".minimum-count must be at least 1");
        }
        if (threshold.sharePercent() == null || threshold.sharePercent() < 0 || threshold.sharePercent() > 100) {
            throw new IllegalStateException(key + ".share-percent must be between 0 and 100");
        }
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isZero() && !duration.isNegative();
    }

    public Settings settings() {
        return settings;
    }

    public Threshold threshold(PartyKind kind) {
        return switch (kind) {
            case ACCOUNT -> settings.account();
            case NOTIFIER -> settings.notifier();
            case COMPLAINANT -> settings.complainant();
        };
    }

    public SuspensionDays suspensionDays() {
        return settings.suspension();
    }

    /** The start of the window: items decided from then on count. */
    public Instant windowStart(PartyKind kind, Instant now) {
        return now.minus(threshold(kind).window());
    }

    /**
     * From when the party's own acts (a notice submitted, a case opened about its content, a complaint submitted)
     * count: after its last warning or proposal, so that the items of one crossing never count for the next; else
     * from the start of the window.
     */
    public Instant actedAfter(PartyKind kind, List<MisuseMeasure> history, Instant now) {
        Instant start = windowStart(kind, now);
        return lastOf(history, CROSSINGS).map(MisuseMeasure::createdAt).filter(start::isBefore).orElse(start);
    }

    /** Whether the counts cross the threshold of the class: enough manifest items, and a large enough share of them. */
    public boolean crossed(PartyKind kind, Counts counts) {
        Threshold threshold = threshold(kind);
        return counts.manifest() >= threshold.minimumCount()
                && counts.manifest() * 100L >= (long) threshold.sharePercent() * counts.decided();
    }

    /** A suspension proposed and not decided yet. */
    public static Optional<MisuseMeasure> openProposal(List<MisuseMeasure> history) {
        return history.stream().filter(m -> m.measure() == MeasureKind.SUSPENSION_PROPOSED)
                .filter(p -> history.stream().noneMatch(d -> p.id() == (d.proposalId() == null ? -1 : d.proposalId())))
                .findFirst();
    }

    /**
     * What a check of a party leads to, from its counts (read from {@link #actedAfter}) and its earlier measures.
     *
     * @param history every earlier measure of the party (any order)
     */
    public Verdict assess(PartyKind kind, Counts counts, List<MisuseMeasure> history, Instant now) {
        if (openProposal(history).isPresent() || !crossed(kind, counts)) {
            return Verdict.none();
        }
        Optional<MisuseMeasure> standing = lastOf(history, Set.of(MeasureKind.values()))
                .filter(last -> now.isBefore(validFrom(last, history).plus(settings.warningValidity())));
        String basis = basis(kind, counts, history, now);
        if (standing.isEmpty()) {
            return new Verdict(Outcome.WARNING, basis);
        }
        Optional<MisuseMeasure> warning = lastOf(history, Set.of(MeasureKind.WARNING));
        if (warning.isPresent() && now.isBefore(warning.get().createdAt().plus(settings.pauseAfterWarning()))) {
            return Verdict.none();
        }
        return new Verdict(Outcome.PROPOSE_SUSPENSION, basis);
    }

    /** From when a measure's validity runs: a suspension from its end, anything else from when it was recorded. */
    private static Instant validFrom(MisuseMeasure measure, List<MisuseMeasure> history) {
        Instant latest = measure.createdAt();
        for (MisuseMeasure m : history) {
            if (m.suspendedUntil() != null && m.suspendedUntil().isAfter(latest)) {
                latest = m.suspendedUntil();
            }
        }
        return latest;
    }

    private static Optional<MisuseMeasure> lastOf(List<MisuseMeasure> history, Set<MeasureKind> kinds) {
        return history.stream().filter(m -> kinds.contains(m.measure()))
                .max(Comparator.comparing(MisuseMeasure::createdAt).thenComparingLong(MisuseMeasure::id));
    }

    /** The basis text of a measure: the counts, the window and the rule, e.g. "8 of 10 notices ...". */
    public String basis(PartyKind kind, Counts counts, List<MisuseMeasure> history, Instant now) {
        Threshold threshold = threshold(kind);
        long days = threshold.window().toDays();
        String text = switch (kind) {
            case NOTIFIER -> "%d of %d notices decided in %d days manifestly unfounded (decided NO_ACTION, no action ever taken on the case)";
            case ACCOUNT -> "%d of %d decided cases about the account's content in %d days manifestly illegal (REMOVE or RESTRICT on ILLEGAL_CONTENT)";
            case COMPLAINANT -> "%d of %d complaints answered in %d days manifestly unfounded (decision upheld)";
        };
        StringBuilder basis = new StringBuilder(text.formatted(counts.manifest(), counts.decided(), days));
        Instant start = windowStart(kind, now);
        Instant after = actedAfter(kind, history, now);
        if (after.isAfter(start)) {
            basis.append("; counted after the measure of ").append(after.atZone(ZoneOffset.UTC).toLocalDate());
        }
        basis.append("; threshold: at least ").append(threshold.minimumCount());
        if (threshold.sharePercent() > 0) {
            basis.append(" and ").append(threshold.sharePercent()).append("% of those decided");
        }
        return basis.toString();
    }

    /**
     * Checks a lead's outputs on Task_DecideSuspension: a decision SUSPEND or DECLINE, a period within the bounds
     * (whole days, to suspend only), a reasoning of 20 to 4000 characters.
     *
     * @throws InvalidTaskInputException naming the output and the rule, never the value
     */
    public SuspensionDecision checkDecision(Object decision, Object days, Object reasoning) {
        boolean suspend;
        if ("SUSPEND".equals(decision)) {
            suspend = true;
        } else if ("DECLINE".equals(decision)) {
            suspend = false;
        } else {
            throw new InvalidTaskInputException(ContentReportVariables.SUSPENSION_DECISION, "is required: SUSPEND or DECLINE");
        }
        if (!(reasoning instanceof String text) || text.strip().length() < MINIMUM_REASONING) {
            throw new InvalidTaskInputException(ContentReportVariables.SUSPENSION_REASONING, "is required: at least "
                    + MINIMUM_REASONING + " characters saying why, weighing the counts, the gravity and the intention (Art. 23(3))");
        }
        if (text.strip().length() > MAXIMUM_REASONING) {
            throw new InvalidTaskInputException(ContentReportVariables.SUSPENSION_REASONING, "is too long: at most "
                    + MAXIMUM_REASONING + " characters");
        }
        SuspensionDays bounds = settings.suspension();
        String range = "whole days between " + bounds.minimumDays() + " and " + bounds.maximumDays();
        if (!suspend) {
            if (days != null) {
                throw new InvalidTaskInputException(ContentReportVariables.SUSPENSION_DAYS, "is given only to suspend");
            }
            return new SuspensionDecision(false, null, text.strip());
        }
        Integer period = wholeNumber(days);
        if (period == null) {
            throw new InvalidTaskInputException(ContentReportVariables.SUSPENSION_DAYS, "is required to suspend: " + range);
        }
        if (period < bounds.minimumDays() || period > bounds.maximumDays()) {
            throw new InvalidTaskInputException(ContentReportVariables.SUSPENSION_DAYS, "must be " + range);
        }
        return new SuspensionDecision(true, period, text.strip());
    }

    private static Integer wholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long number = ((Number) value).longValue();
            return number > Integer.MAX_VALUE || number < Integer.MIN_VALUE ? Integer.MAX_VALUE : (int) number;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return number == Math.rint(number) && Math.abs(number) < Integer.MAX_VALUE ? (int) number : null;
        }
        if (value instanceof String text && text.strip().matches("-?\\d{1,9}")) {
            return Integer.parseInt(text.strip());
        }
        return null;
    }
}
