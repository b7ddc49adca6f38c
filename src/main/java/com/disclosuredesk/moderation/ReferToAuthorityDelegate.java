package com.disclosuredesk.moderation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task_ReferToAuthority (Art. 18): the decision on record flagged a threat to life or safety; the case is referred
 * to the authority of its country ({@link AuthorityReferrals}). The gateway's condition reads the normalised copy threatToLife;
 * the referral is made only when the decision on record says so too.
 */
@Component
public class ReferToAuthorityDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(ReferToAuthorityDelegate.class);

    private final CaseRepository cases;
    private final ModerationDecisions decisions;
    private final AuthorityReferrals referrals;

    public ReferToAuthorityDelegate(CaseRepository cases, ModerationDecisions decisions, AuthorityReferrals referrals) {
        this.cases = cases;
        this.decisions = decisions;
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ContentReportVariables variables = ContentReportVariables.of(execution);
        String caseNumber = variables.caseNumber();
        ModerationDecisions.Decision decision = decisions.get(variables.decisionId());
        if (!caseNumber.equals(decision.caseNumber()) || !decision.threatToLife()) {
            throw new IllegalStateException("Case " + caseNumber + ": the decision on record flags no threat to life");
        }
        long referral = referrals.refer(cases.get(caseNumber), decision.id());
        LOG.info("Case {} referred to the authority (referral {})", caseNumber, referral);
    }
}
