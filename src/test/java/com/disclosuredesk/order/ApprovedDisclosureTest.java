package com.disclosuredesk.order;

import static com.disclosuredesk.order.DataCategory.IP_ADDRESS;
import static com.disclosuredesk.order.DataCategory.MESSAGE_CONTENT;
import static com.disclosuredesk.order.DataCategory.PHONE_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.disclosuredesk.order.ApprovedDisclosure.NotApprovedException;
import com.disclosuredesk.order.OrderDecisions.Decision;
import com.disclosuredesk.order.OrderDecisions.Step;

import org.junit.jupiter.api.Test;

/** What a disclosure may contain, read from the recorded decisions only. */
class ApprovedDisclosureTest {

    private static final Set<DataCategory> REQUESTED = EnumSet.of(IP_ADDRESS, PHONE_NUMBER);
    private final List<Decision> decisions = new ArrayList<>();

    private Decision add(Step step, String decision, Set<DataCategory> categories, String by, Long basedOn) {
        Decision d = new Decision(decisions.size() + 1, "LO-2026-000001", step, decision,
                categories.isEmpty() ? EnumSet.noneOf(DataCategory.class) : EnumSet.copyOf(categories), by,
                Instant.parse("2026-12-01T10:00:00Z").plusSeconds(decisions.size()), "task-" + decisions.size(), basedOn);
        decisions.add(d);
        return d;
    }

    @Test
    void theApproverApprovesTheAnalystsCategories() {
        Decision analysis = add(Step.ANALYSIS, "DISCLOSE", Set.of(IP_ADDRESS), "analyst", null);
        Decision approval = add(Step.APPROVAL, "APPROVE", Set.of(IP_ADDRESS), "approver", analysis.id());

        ApprovedDisclosure approved = ApprovedDisclosure.of(decisions, REQUESTED);

        assertThat(approved.categories()).containsExactly(IP_ADDRESS);
        assertThat(approved.analysedBy()).isEqualTo("analyst");
        assertThat(approved.approvedBy()).isEqualTo("approver");
        assertThat(approved.approvedAt()).isEqualTo(approval.decidedAt());
        assertThat(approved.approvedAlone()).isFalse();
    }

    @Test
    void aReturnedAnalysisCountsOnlyInItsNewRound() {
        Decision first = add(Step.ANALYSIS, "DISCLOSE", Set.of(IP_ADDRESS, PHONE_NUMBER), "analyst", null);
        add(Step.APPROVAL, "RETURN", Set.of(IP_ADDRESS, PHONE_NUMBER), "approver", first.id());
        Decision second = add(Step.ANALYSIS, "DISCLOSE", Set.of(IP_ADDRESS), "analyst2", null);
        add(Step.APPROVAL, "APPROVE", Set.of(IP_ADDRESS), "approver", second.id());

        assertThat(ApprovedDisclosure.of(decisions, REQUESTED).categories()).containsExactly(IP_ADDRESS);
        assertThat(ApprovedDisclosure.of(decisions, REQUESTED).analysedBy()).isEqualTo("analyst2");
    }

    @Test
    void nothingIsDisclosedWithoutAnApprovalOnRecord() {
        add(Step.ANALYSIS, "DISCLOSE", Set.of(IP_ADDRESS), "analyst", null);
        assertThatThrownBy(() -> ApprovedDisclosure.of(decisions, REQUESTED)).isInstanceOf(NotApprovedException.class)
                .hasMessageContaining("no approval");
    }

    @Test
    void aRejectionOrAReturnIsNoApproval() {
        Decision analysis = add(Step.ANALYSIS, "DISCLOSE", Set.of(IP_ADDRESS), "analyst", null);
        add(Step.APPROVAL, "REJECT", Set.of(IP_ADDRESS), "approver", analysis.id());
        assertThatThrownBy(() -> ApprovedDisclosure.of(decisions, REQUESTED)).hasMessageContaining("REJECT");
    }

    @Test
    void anApprovalOfAnEarlierAnalysisIsNoApprovalOfTheLatest() {
        Decision first = add(Step.ANALYSIS, "DISCLOSE", Set.of(IP_ADDRESS), "analyst", null);
        add(Step.ANALYSIS, "DISCLOSE", Set.of(IP_ADDRESS, PHONE_NUMBER), "analyst2", null);
        add(Step.APPROVAL, "APPROVE", Set.of(IP_ADDRESS), "approver", first.id());
        assertThatThrownBy(() -> ApprovedDisclosure.of(decisions, REQUESTED)).hasMessageContaining("latest analysis");
    }

    @Test
    void fourEyesAreCheckedOnTheRecords() {
        Decision analysis = add(Step.ANALYSIS, "DISCLOSE", Set.of(IP_ADDRESS), "counsel", null);
        add(Step.APPROVAL, "APPROVE", Set.of(IP_ADDRESS), "counsel", analysis.id());
        assertThatThrownBy(() -> ApprovedDisclosure.of(decisions, REQUESTED)).hasMessageContaining("four eyes");
    }

    @Test
    void anAnalysisThatDidNotDecideDiscloseDisclosesNothing() {
        Decision analysis = add(Step.ANALYSIS, "REJECT", Set.of(), "analyst", null);
        add(Step.APPROVAL, "APPROVE", Set.of(), "approver", analysis.id());
        assertThatThrownBy(() -> ApprovedDisclosure.of(decisions, REQUESTED)).hasMessageContaining("REJECT");
    }

    @Test
    void categoriesOutsideTheOrderOrThePolicyAreNeverDisclosed() {
        Decision analysis = add(Step.ANALYSIS, "DISCLOSE", Set.of(IP_ADDRESS, MESSAGE_CONTENT), "analyst", null);
        add(Step.APPROVAL, "APPROVE", Set.of(IP_ADDRESS, MESSAGE_CONTENT), "approver", analysis.id());
        assertThatThrownBy(() -> ApprovedDisclosure.of(decisions, REQUESTED)).hasMessageContaining("MESSAGE_CONTENT");
        assertThatThrownBy(() -> ApprovedDisclosure.of(decisions.subList(0, 1), Set.of(IP_ADDRESS)))
                .isInstanceOf(NotApprovedException.class);
    }

    @Test
    void anEmergencyApprovedAloneCarriesItsOwnCategories() {
        add(Step.EMERGENCY_APPROVAL, "APPROVE", Set.of(PHONE_NUMBER), "approver", null);
        ApprovedDisclosure approved = ApprovedDisclosure.of(decisions, REQUESTED);
        assertThat(approved.approvedAlone()).isTrue();
        assertThat(approved.analysedBy()).isNull();
        assertThat(approved.categories()).containsExactly(PHONE_NUMBER);
    }

    @Test
    void leavingAnEmergencyToTheAnalysisApprovesNothing() {
        add(Step.EMERGENCY_APPROVAL, "LEAVE_TO_ANALYSIS", Set.of(), "approver", null);
        assertThatThrownBy(() -> ApprovedDisclosure.of(decisions, REQUESTED)).hasMessageContaining("no approval");
    }
}
