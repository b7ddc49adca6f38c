package com.disclosuredesk.misuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.disclosuredesk.misuse.MisusePolicy.Counts;
import com.disclosuredesk.misuse.MisusePolicy.Outcome;
import com.disclosuredesk.misuse.MisusePolicy.Settings;
import com.disclosuredesk.misuse.MisusePolicy.SuspensionDays;
import com.disclosuredesk.misuse.MisusePolicy.Threshold;
import com.disclosuredesk.process.InvalidTaskInputException;

import org.junit.jupiter.api.Test;

/** Art. 23 thresholds and escalation, without the engine or a database. */
class MisusePolicyTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    static Settings defaults() {
        return new Settings(new Threshold(Duration.ofDays(90), 3, 0), new Threshold(Duration.ofDays(90), 7, 70),
                new Threshold(Duration.ofDays(90), 4, 80), Duration.ofDays(7), Duration.ofDays(365),
                new SuspensionDays(30, 7, 180));
    }

    final MisusePolicy policy = new MisusePolicy(defaults());
    final List<MisuseMeasure> history = new ArrayList<>();
    long ids;

    MisuseMeasure measure(MeasureKind kind, Instant at, Long proposal, Instant until) {
        MisuseMeasure measure = new MisuseMeasure(++ids, PartyKind.NOTIFIER, "report-bot:u-1", kind, "CR-2026-000001",
                "basis", null, at, until, null, proposal);
        history.add(measure);
        return measure;
    }

    @Test
    void belowTheThresholdNothingHappens() {
        assertThat(policy.assess(PartyKind.NOTIFIER, new Counts(10, 6), history, NOW).outcome()).isEqualTo(Outcome.NONE);
        assertThat(policy.assess(PartyKind.NOTIFIER, new Counts(0, 0), history, NOW).outcome()).isEqualTo(Outcome.NONE);
        // enough unfounded notices, but not a large enough share of the notices decided
        assertThat(policy.assess(PartyKind.NOTIFIER, new Counts(11, 7), history, NOW).outcome()).isEqualTo(Outcome.NONE);
    }

    @Test
    void theFirstCrossingIsWarnedWithItsCountsAsBasis() {
        var verdict = policy.assess(PartyKind.NOTIFIER, new Counts(10, 8), history, NOW);
        assertThat(verdict.outcome()).isEqualTo(Outcome.WARNING);
        assertThat(verdict.basis()).startsWith("8 of 10 notices decided in 90 days manifestly unfounded")
                .contains("threshold: at least 7 and 70% of those decided").doesNotContain("u-1").doesNotContain("report-bot");
    }

    @Test
    void crossingAgainAfterTheWarningAndItsPauseProposesASuspension() {
        measure(MeasureKind.WARNING, NOW.minus(Duration.ofDays(20)), null, null);
        var verdict = policy.assess(PartyKind.NOTIFIER, new Counts(7, 7), history, NOW);
        assertThat(verdict.outcome()).isEqualTo(Outcome.PROPOSE_SUSPENSION);
        assertThat(verdict.basis()).contains("7 of 7 notices").contains("counted after the measure of 2026-05-12");
    }

    @Test
    void withinThePauseAfterAWarningNothingIsProposedYet() {
        measure(MeasureKind.WARNING, NOW.minus(Duration.ofDays(3)), null, null);
        assertThat(policy.assess(PartyKind.NOTIFIER, new Counts(9, 9), history, NOW).outcome()).isEqualTo(Outcome.NONE);
        assertThat(policy.assess(PartyKind.NOTIFIER, new Counts(9, 9), history, NOW.plus(Duration.ofDays(4))).outcome())
                .isEqualTo(Outcome.PROPOSE_SUSPENSION);
    }

    @Test
    void noSecondProposalWhileOneIsOpenAndAnotherAfterItIsDecided() {
        measure(MeasureKind.WARNING, NOW.minus(Duration.ofDays(60)), null, null);
        MisuseMeasure proposal = measure(MeasureKind.SUSPENSION_PROPOSED, NOW.minus(Duration.ofDays(30)), null, null);
        assertThat(MisusePolicy.openProposal(history)).contains(proposal);
        assertThat(policy.assess(PartyKind.NOTIFIER, new Counts(20, 20), history, NOW).outcome()).isEqualTo(Outcome.NONE);

        measure(MeasureKind.SUSPENSION_DECLINED, NOW.minus(Duration.ofDays(29)), proposal.id(), null);
        assertThat(MisusePolicy.openProposal(history)).isEmpty();
        assertThat(policy.assess(PartyKind.NOTIFIER, new Counts(20, 20), history, NOW).outcome())
                .isEqualTo(Outcome.PROPOSE_SUSPENSION);
    }

    @Test
    void theItemsOfOneCrossingNeverCountForTheNext() {
        // no measure: the window (90 days)
        assertThat(policy.actedAfter(PartyKind.NOTIFIER, history, NOW)).isEqualTo(NOW.minus(Duration.ofDays(90)));
        // a warning within the window: only what the party did after it
        Instant warned = NOW.minus(Duration.ofDays(10));
        measure(MeasureKind.WARNING, warned, null, null);
        assertThat(policy.actedAfter(PartyKind.NOTIFIER, history, NOW)).isEqualTo(warned);
        // a proposal after it: only what the party did after the proposal
        Instant proposed = NOW.minus(Duration.ofDays(2));
        MisuseMeasure proposal = measure(MeasureKind.SUSPENSION_PROPOSED, proposed, null, null);
        measure(MeasureKind.SUSPENSION, NOW.minus(Duration.ofDays(1)), proposal.id(), NOW.plus(Duration.ofDays(29)));
        assertThat(policy.actedAfter(PartyKind.NOTIFIER, history, NOW)).isEqualTo(proposed);
    }

    @Test
    void theWindowIsRespected() {
        Instant longAgo = NOW.minus(Duration.ofDays(120));
        measure(MeasureKind.WARNING, longAgo, null, null);
        // a warning older than the window does not narrow the count below the window ...
        assertThat(policy.actedAfter(PartyKind.NOTIFIER, history, NOW)).isEqualTo(NOW.minus(Duration.ofDays(90)));
        assertThat(policy.windowStart(PartyKind.COMPLAINANT, NOW)).isEqualTo(NOW.minus(Duration.ofDays(90)));
        // ... but is still valid: a crossing now is a repeated one
        assertThat(policy.assess(PartyKind.NOTIFIER, new Counts(7, 7), history, NOW).outcome()).isEqualTo(Outcome.PROPOSE_SUSPENSION);
        // a window of its own per class
        MisusePolicy shortNotifierWindow = new MisusePolicy(new Settings(defaults().account(),
                new Threshold(Duration.ofDays(30), 7, 70), defaults().complainant(), Duration.ofDays(7), Duration.ofDays(365),
                defaults().suspension()));
        assertThat(shortNotifierWindow.windowStart(PartyKind.NOTIFIER, NOW)).isEqualTo(NOW.minus(Duration.ofDays(30)));
        assertThat(shortNotifierWindow.windowStart(PartyKind.ACCOUNT, NOW)).isEqualTo(NOW.minus(Duration.ofDays(90)));
    }

    @Test
    void anExpiredWarningMakesTheNextCrossingAFirstOneAgain() {
        measure(MeasureKind.WARNING, NOW.minus(Duration.ofDays(400)), null, null);
        assertThat(policy.assess(PartyKind.NOTIFIER, new Counts(7, 7), history, NOW).outcome()).isEqualTo(Outcome.WARNING);
        // a suspension's validity runs from its end
        history.clear();
        MisuseMeasure proposal = measure(MeasureKind.SUSPENSION_PROPOSED, NOW.minus(Duration.ofDays(500)), null, null);
        measure(MeasureKind.SUSPENSION, NOW.minus(Duration.ofDays(499)), proposal.id(), NOW.minus(Duration.ofDays(300)));
        assertThat(policy.assess(PartyKind.NOTIFIER, new Counts(7, 7), history, NOW).outcome()).isEqualTo(Outcome.PROPOSE_SUSPENSION);
    }

    @Test
    void eachClassHasItsOwnThreshold() {
        // accounts: three manifestly illegal items, whatever the share
        assertThat(policy.crossed(PartyKind.ACCOUNT, new Counts(2, 2))).isFalse();
        assertThat(policy.crossed(PartyKind.ACCOUNT, new Counts(30, 3))).isTrue();
        assertThat(policy.basis(PartyKind.ACCOUNT, new Counts(30, 3), history, NOW))
                .startsWith("3 of 30 decided cases about the account's content in 90 days manifestly illegal").endsWith("threshold: at least 3")
                .doesNotContain("%");
        // notifiers: seven unfounded notices, 70% of those decided
        assertThat(policy.crossed(PartyKind.NOTIFIER, new Counts(10, 7))).isTrue();
        assertThat(policy.crossed(PartyKind.NOTIFIER, new Counts(6, 6))).isFalse();
        // complainants: four upheld complaints, 80% of those answered
        assertThat(policy.crossed(PartyKind.COMPLAINANT, new Counts(5, 4))).isTrue();
        assertThat(policy.crossed(PartyKind.COMPLAINANT, new Counts(5, 3))).isFalse();
        assertThat(policy.crossed(PartyKind.COMPLAINANT, new Counts(6, 4))).isFalse();
        assertThat(policy.basis(PartyKind.COMPLAINANT, new Counts(5, 4), history, NOW))
                .startsWith("4 of 5 complaints answered in 90 days manifestly unfounded (decision upheld)");
    }

    @Test
    void aLeadSuspendsWithinTheBoundsOrDeclinesWithReasons() {
        String reasons = "Ten notices in a week about the same harmless channel.";
        var suspend = policy.checkDecision("SUSPEND", 30L, reasons);
        assertThat(suspend.suspend()).isTrue();
        assertThat(suspend.days()).isEqualTo(30);
        assertThat(policy.checkDecision("SUSPEND", "7", reasons).days()).isEqualTo(7);
        assertThat(policy.checkDecision("SUSPEND", 180.0, reasons).days()).isEqualTo(180);
        var decline = policy.checkDecision("DECLINE", null, reasons);
        assertThat(decline.suspend()).isFalse();
        assertThat(decline.days()).isNull();
    }

    @Test
    void aLeadsInvalidOutputsAreRefusedNamingTheOutput() {
        String reasons = "Ten notices in a week about the same harmless channel.";
        assertRefused(() -> policy.checkDecision(null, 30, reasons), "suspensionDecision");
        assertRefused(() -> policy.checkDecision("BAN", 30, reasons), "suspensionDecision");
        assertRefused(() -> policy.checkDecision("SUSPEND", null, reasons), "suspensionDays");
        assertRefused(() -> policy.checkDecision("SUSPEND", 6, reasons), "suspensionDays");
        assertRefused(() -> policy.checkDecision("SUSPEND", 181, reasons), "suspensionDays");
        assertRefused(() -> policy.checkDecision("SUSPEND", 7.5, reasons), "suspensionDays");
        assertRefused(() -> policy.checkDecision("SUSPEND", "thirty", reasons), "suspensionDays");
        assertRefused(() -> policy.checkDecision("DECLINE", 30, reasons), "suspensionDays");
        assertRefused(() -> policy.checkDecision("SUSPEND", 30, null), "suspensionReasoning");
        assertRefused(() -> policy.checkDecision("SUSPEND", 30, "   too short, really  "), "suspensionReasoning");
        assertRefused(() -> policy.checkDecision("SUSPEND", 30, "x".repeat(4001)), "suspensionReasoning");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String output) {
        assertThatThrownBy(call).isInstanceOf(InvalidTaskInputException.class)
                .satisfies(e -> assertThat(((InvalidTaskInputException) e).variable()).isEqualTo(output));
    }

    @Test
    void settingsOutsideTheirRangeStopTheStartNamingTheKey() {
        Settings d = defaults();
        assertThatThrownBy(() -> new MisusePolicy(new Settings(d.account(), new Threshold(Duration.ofDays(90), 7, 101),
                d.complainant(), d.pauseAfterWarning(), d.warningValidity(), d.suspension())))
                .hasMessageContaining("misuse.notifier.share-percent");
        assertThatThrownBy(() -> new MisusePolicy(new Settings(new Threshold(Duration.ZERO, 3, 0), d.notifier(),
                d.complainant(), d.pauseAfterWarning(), d.warningValidity(), d.suspension())))
                .hasMessageContaining("misuse.account.window");
        assertThatThrownBy(() -> new MisusePolicy(new Settings(d.account(), d.notifier(), new Threshold(Duration.ofDays(9), 0, 80),
                d.pauseAfterWarning(), d.warningValidity(), d.suspension())))
                .hasMessageContaining("misuse.complainant.minimum-count");
        assertThatThrownBy(() -> new MisusePolicy(new Settings(d.account(), d.notifier(), d.complainant(),
                d.pauseAfterWarning(), d.warningValidity(), new SuspensionDays(5, 7, 180))))
                .hasMessageContaining("misuse.suspension");
    }
}
