package com.disclosuredesk.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * How urgent a content-report case is (Task_TriageCase; docs/moderation.md, "Triage and clocks"): a priority class
 * from the category and specification of its notices, raised by trusted flaggers (Art. 22) and by the number of
 * notices; each class has its review clock and task priority. Plain logic over {@code disclosure-desk.moderation.triage}
 * (values in application.yaml), unit-tested without the engine.
 * <ul>
 *   <li>CRITICAL: a specification in {@code critical-specifications}: child sexual abuse material, terrorist content,
 *       and the specifications that signal a threat to life (a planned attack: {@code COORDINATED_HARM}; an announced
 *       suicide: {@code SUICIDE}).</li>
 *   <li>URGENT, HIGH: a category in {@code urgent-categories} or {@code high-categories}; NORMAL otherwise.</li>
 *   <li>A notice of a trusted flagger raises the class by one, as do {@code many-notices} notices; {@code viral-notices}
 *       raise it by two. Raises stop at {@code raise-limit} (URGENT): only the content itself makes a case CRITICAL.</li>
 * </ul>
 */
@Component
@EnableConfigurationProperties(TriagePolicy.Settings.class)
public class TriagePolicy {

    /** The priority classes, most urgent first. */
    public enum PriorityClass { CRITICAL, URGENT, HIGH, NORMAL;

        PriorityClass raisedBy(int steps, PriorityClass limit) {
            if (this.ordinal() <= limit.ordinal()) {
                return this;
            }
            return values()[Math.max(limit.ordinal(), ordinal() - steps)];
        }
    }

    /** The review clock and the task priority of one class. */
    public record Clock(Duration reviewWithin, Integer priority) {}

    /**
     * {@code disclosure-desk.moderation.triage.*}
     *
     * @param classes                the clock and priority of each class (all four required)
     * @param criticalSpecifications specifications that make a case CRITICAL
     * @param urgentCategories       categories that make a case URGENT
     * @param highCategories         categories that make a case HIGH
     * @param manyNotices            this many notices raise the class by one
     * @param viralNotices           this many notices raise the class by two
     * @param raiseLimit             the most urgent class that trusted flaggers and counts can reach
     * @param escalatedPriority      the priority of an overdue review (never lowers a higher one)
     */
    @ConfigurationProperties("disclosure-desk.moderation.triage")
    public record Settings(Map<PriorityClass, Clock> classes, Set<String> criticalSpecifications, Set<String> urgentCategories,
                           Set<String> highCategories, Integer manyNotices, Integer viralNotices, PriorityClass raiseLimit,
                           Integer escalatedPriority) {
        public Settings {
            Objects.requireNonNull(classes, "disclosure-desk.moderation.triage.classes is not set");
            for (PriorityClass c : PriorityClass.values()) {
                Clock clock = classes.get(c);
                if (clock == null || clock.reviewWithin() == null || clock.priority() == null) {
                    throw new IllegalArgumentException("disclosure-desk.moderation.triage.classes." + c
                            + " needs review-within and priority");
                }
                if (clock.reviewWithin().isNegative() || clock.reviewWithin().isZero()) {
                    throw new IllegalArgumentException("disclosure-desk.moderation.triage.classes." + c + ".review-within must be positive");
                }
            }
            classes = new EnumMap<>(classes);
            criticalSpecifications = criticalSpecifications == null ? Set.of() : Set.copyOf(criticalSpecifications);
            urgentCategories = urgentCategories == null ? Set.of() : Set.copyOf(urgentCategories);
            highCategories = highCategories == null ? Set.of() : Set.copyOf(highCategories);
            Objects.requireNonNull(manyNotices, "disclosure-desk.moderation.triage.many-notices is not set");
            Objects.requireNonNull(viralNotices, "disclosure-desk.moderation.triage.viral-notices is not set");
            Objects.requireNonNull(escalatedPriority, "disclosure-desk.moderation.triage.escalated-priority is not set");
            raiseLimit = raiseLimit == null ? PriorityClass.URGENT : raiseLimit;
            if (manyNotices < 2 || viralNotices <= manyNotices) {
                throw new IllegalArgumentException("disclosure-desk.moderation.triage: many-notices must be at least 2 and viral-notices above it");
            }
        }
    }

    /** The outcome of triage: the class, the task priority and when the review is due. */
    public record Triage(PriorityClass priorityClass, int priority, Instant reviewDue) {}

    private final Settings settings;

    public TriagePolicy(Settings settings) {
        this.settings = settings;
    }

    /** What one notice reports: its category and specification. */
    public record Reported(String category, String specification) {}

    /** The class of a case whose notices report several things: the most urgent of them. */
    public PriorityClass classify(java.util.Collection<Reported> reported, int noticeCount, int trustedNoticeCount) {
        PriorityClass most = PriorityClass.NORMAL;
        for (Reported r : reported) {
            PriorityClass c = classify(r.category(), r.specification(), noticeCount, trustedNoticeCount);
            if (c.ordinal() < most.ordinal()) {
                most = c;
            }
        }
        return most;
    }

    /** Triage of a case whose notices report several things, for a review round that starts at {@code from}. */
    public Triage triage(java.util.Collection<Reported> reported, int noticeCount, int trustedNoticeCount, Instant from) {
        return of(classify(reported, noticeCount, trustedNoticeCount), from);
    }

    private Triage of(PriorityClass c, Instant from) {
        Clock clock = settings.classes().get(c);
        return new Triage(c, clock.priority(), from.plus(clock.reviewWithin()));
    }

    /** The class of a case from what its notices say and how many there are. */
    public PriorityClass classify(String category, String specification, int noticeCount, int trustedNoticeCount) {
        PriorityClass base;
        if (specification != null && settings.criticalSpecifications().contains(specification)) {
            base = PriorityClass.CRITICAL;
        } else if (settings.urgentCategories().contains(category)) {
            base = PriorityClass.URGENT;
        } else if (settings.highCategories().contains(category)) {
            base = PriorityClass.HIGH;
        } else {
            base = PriorityClass.NORMAL;
        }
        return base.raisedBy(steps(noticeCount, trustedNoticeCount), settings.raiseLimit());
    }

    /** Triage of a review round that starts (its clock runs) at {@code from}. */
    public Triage triage(String category, String specification, int noticeCount, int trustedNoticeCount, Instant from) {
        return of(classify(category, specification, noticeCount, trustedNoticeCount), from);
    }

    /**
     * Triage again after one notice joined (reporting {@code joined}; {@code joinedTrusted}: from a trusted flagger),
     * with the case's counts after it: the class may rise, never fall. The class set before already covers the earlier
     * notices; the joining notice may report something more urgent, and the new counts may raise the class further.
     * The new due date is the earlier of the one set and the new class's clock run from the same start (the old due
     * date minus the old clock). Reads nothing but its arguments: a joining notice costs no query of the case's notices.
     */
    public Triage retriage(Triage current, Reported joined, boolean joinedTrusted, int noticeCount, int trustedNoticeCount) {
        PriorityClass byNotice = classify(joined.category(), joined.specification(), noticeCount, trustedNoticeCount);
        int raise = steps(noticeCount, trustedNoticeCount)
                - steps(noticeCount - 1, trustedNoticeCount - (joinedTrusted ? 1 : 0));
        PriorityClass byCounts = current.priorityClass().raisedBy(Math.max(0, raise), settings.raiseLimit());
        PriorityClass c = byNotice.ordinal() < byCounts.ordinal() ? byNotice : byCounts;
        if (c.ordinal() >= current.priorityClass().ordinal()) {
            return current;
        }
        Instant start = current.reviewDue().minus(settings.classes().get(current.priorityClass()).reviewWithin());
        Instant due = start.plus(settings.classes().get(c).reviewWithin());
        return new Triage(c, Math.max(current.priority(), settings.classes().get(c).priority()),
                due.isBefore(current.reviewDue()) ? due : current.reviewDue());
    }

    private int steps(int noticeCount, int trustedNoticeCount) {
        return (trustedNoticeCount > 0 ? 1 : 0)
                + (noticeCount >= settings.viralNotices() ? 2 : noticeCount >= settings.manyNotices() ? 1 : 0);
    }

    /** The priority of an overdue review: the escalated priority, or the task's own if that is higher. */
    public int escalatedPriority(int current) {
        return Math.max(current, settings.escalatedPriority());
    }

    public Settings settings() {
        return settings;
    }
}
