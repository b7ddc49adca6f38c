package com.disclosuredesk.misuse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.disclosuredesk.misuse.MisuseFacts.Tally;
import com.disclosuredesk.misuse.MisusePolicy.Outcome;
import com.disclosuredesk.misuse.MisusePolicy.SuspensionDecision;
import com.disclosuredesk.misuse.MisusePolicy.Verdict;
import com.disclosuredesk.moderation.ContentReportProcess;
import com.disclosuredesk.moderation.ContentReportVariables;
import com.disclosuredesk.moderation.ModerationInterface;
import com.disclosuredesk.moderation.ModerationMessages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Art. 23 DSA in the application: after each decision on a case and each answered complaint, checks the parties
 * concerned against {@link MisusePolicy}; warns them (a MISUSE_WARNING message), or proposes a suspension to the
 * moderation leads (a {@code misuse-review} instance, business key {@code MU-<measure id>}); records the lead's
 * decision and applies a suspension (notifiers and complainants: {@code moderation.NotifierStanding} refuses them;
 * accounts: the platform's moderation interface) with a SUSPENSION message. Every measure is in
 * {@code cr_misuse_measure}, with its basis in counts; process variables carry the measure id, the party's kind and
 * the basis, never a notifier's id or an account id.
 */
@Service
public class MisuseService {

    private static final Logger log = LoggerFactory.getLogger(MisuseService.class);
    private static final String BUSINESS_KEY_PREFIX = "MU-";
    private static final String REDRESS = "You may complain about this decision within six months through the platform's "
            + "internal complaint-handling system (Art. 20 DSA), and refer it to a certified out-of-court dispute settlement "
            + "body (Art. 21 DSA).";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MisusePolicy policy;
    private final MisuseFacts facts;
    private final MisuseMeasures measures;
    private final ModerationMessages messages;
    private final ModerationInterface moderation;
    private final RuntimeService runtime;
    private final Clock clock;

    public MisuseService(MisusePolicy policy, MisuseFacts facts, MisuseMeasures measures, ModerationMessages messages,
                         ModerationInterface moderation, RuntimeService runtime, Clock clock) {
        this.policy = policy;
        this.facts = facts;
        this.measures = measures;
        this.messages = messages;
        this.moderation = moderation;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** The business key of the misuse-review instance of a proposal. */
    public static String businessKey(long proposalId) {
        return BUSINESS_KEY_PREFIX + proposalId;
    }

    /** The proposal a misuse-review instance decides, from its business key (which no API can change). */
    public static long proposalId(String businessKey) {
        if (businessKey == null || !businessKey.startsWith(BUSINESS_KEY_PREFIX)) {
            throw new IllegalStateException("A misuse-review instance has the business key MU-<measure id>, not " + businessKey);
        }
        return Long.parseLong(businessKey.substring(BUSINESS_KEY_PREFIX.length()));
    }

    /**
     * After a decision on a case took effect (Task_CheckMisuse): a decision to take no action checks the notifiers of
     * the case's notices; REMOVE or RESTRICT on ILLEGAL_CONTENT checks the account that posted the content.
     *
     * @return the measures taken (warnings and proposals), in order
     */
    public List<MisuseMeasure> afterDecision(String caseNumber) {
        Optional<MisuseFacts.DecisionInForce> decided = facts.decisionInForce(caseNumber);
        if (decided.isEmpty()) {
            throw new IllegalStateException("Case " + caseNumber + " has no decision in force to check for misuse");
        }
        MisuseFacts.DecisionInForce decision = decided.get();
        List<MisuseMeasure> taken = new ArrayList<>();
        Instant now = clock.instant();
        if ("NO_ACTION".equals(decision.decision())) {
            for (MisuseParty notifier : facts.notifiersToCheck(caseNumber, policy.windowStart(PartyKind.NOTIFIER, now),
                    policy.threshold(PartyKind.NOTIFIER).minimumCount())) {
                check(notifier, caseNumber).ifPresent(taken::add);
            }
        } else if (("REMOVE".equals(decision.decision()) || "RESTRICT".equals(decision.decision()))
                && "ILLEGAL_CONTENT".equals(decision.ground()) && decision.ownerAccountId() != null) {
            check(MisuseParty.account(decision.ownerAccountId()), caseNumber).ifPresent(taken::add);
        }
        return taken;
    }

    /** After a complaint was answered: an upheld complaint checks its complainant (the notifier or the uploader). */
    public Optional<MisuseMeasure> afterComplaintAnswered(long complaintId) {
        MisuseFacts.ComplaintFacts complaint = facts.complaint(complaintId)
                .orElseThrow(() -> new IllegalStateException("No complaint " + complaintId));
        if (!"UPHELD".equals(complaint.status()) || complaint.complainant() == null) {
            return Optional.empty();
        }
        return check(complaint.complainant(), complaint.caseNumber());
    }

    /** Checks one party: nothing, a warning, or a proposed suspension (see {@link MisusePolicy#assess}). */
    public Optional<MisuseMeasure> check(MisuseParty party, String caseNumber) {
        // a cheap look first: most parties never cross, and are never locked
        if (assess(party).verdict().outcome() == Outcome.NONE) {
            return Optional.empty();
        }
        measures.lock(party.kind(), party.ref());
        Assessment assessment = assess(party);
        Verdict verdict = assessment.verdict();
        if (verdict.outcome() == Outcome.NONE) {
            return Optional.empty();
        }
        String basis = verdict.basis() + (assessment.tally().manifestCases().isEmpty() ? ""
                : "; latest cases " + String.join(", ", assessment.tally().manifestCases()));
        if (verdict.outcome() == Outcome.WARNING) {
            long id = measures.record(party.kind(), party.ref(), MeasureKind.WARNING, caseNumber, basis);
            send(party, ModerationMessages.Kind.MISUSE_WARNING, caseNumber, warning(party, id, basis));
            log.info("Art. 23 warning {} to a {} ({})", id, party.kind(), caseNumber);
            return measures.find(id);
        }
        long id = measures.record(party.kind(), party.ref(), MeasureKind.SUSPENSION_PROPOSED, caseNumber, basis);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(ContentReportVariables.MISUSE_MEASURE_ID, id);
        variables.put(ContentReportVariables.PARTY_KIND, party.kind().name());
        variables.put(ContentReportVariables.MISUSE_BASIS, basis.length() > 500 ? basis.substring(0, 499) + "…" : basis);
        variables.put(ContentReportVariables.SUSPENSION_MIN_DAYS, policy.suspensionDays().minimumDays());
        variables.put(ContentReportVariables.SUSPENSION_MAX_DAYS, policy.suspensionDays().maximumDays());
        variables.put(ContentReportVariables.SUSPENSION_DEFAULT_DAYS, policy.suspensionDays().defaultDays());
        runtime.createProcessInstanceByKey(ContentReportProcess.MISUSE_PROCESS_KEY).businessKey(businessKey(id))
                .setVariables(variables).execute();
        log.info("Art. 23 suspension of a {} proposed: {} ({})", party.kind(), businessKey(id), caseNumber);
        return measures.find(id);
    }

    private record Assessment(Tally tally, Verdict verdict) {}

    private Assessment assess(MisuseParty party) {
        Instant now = clock.instant();
        List<MisuseMeasure> history = measures.history(party.kind(), party.ref());
        if (MisusePolicy.openProposal(history).isPresent()) {
            return new Assessment(null, new Verdict(Outcome.NONE, null));
        }
        Tally tally = facts.tally(party, policy.actedAfter(party.kind(), history, now), policy.windowStart(party.kind(), now));
        return new Assessment(tally, policy.assess(party.kind(), tally.counts(), history, now));
    }

    /**
     * A lead's decision on a proposal (Task_DecideSuspension): checked by {@link MisusePolicy#checkDecision}, recorded
     * as SUSPENSION (until now + the days) or SUSPENSION_DECLINED, with the lead and the reasoning.
     */
    public MisuseMeasure decide(long proposalId, String lead, Object decision, Object days, Object reasoning) {
        MisuseMeasure proposal = measures.find(proposalId).filter(m -> m.measure() == MeasureKind.SUSPENSION_PROPOSED)
                .orElseThrow(() -> new IllegalStateException("No proposed suspension " + proposalId));
        if (measures.decisionOn(proposalId).isPresent()) {
            throw new IllegalStateException("The proposed suspension " + proposalId + " is decided already");
        }
        SuspensionDecision checked = policy.checkDecision(decision, days, reasoning);
        long id = checked.suspend()
                ? measures.decide(proposal, MeasureKind.SUSPENSION, lead, clock.instant().plus(Duration.ofDays(checked.days())),
                        checked.reasoning())
                : measures.decide(proposal, MeasureKind.SUSPENSION_DECLINED, lead, null, checked.reasoning());
        return measures.find(id).orElseThrow();
    }

    /**
     * Applies the suspension decided on a proposal (Task_ApplySuspension), from the record only: notifiers and
     * complainants are refused by {@code NotifierStanding} from the decision on; an account is suspended through the
     * moderation interface (idempotent per measure). The party is told why, until when, and how to complain.
     */
    public MisuseMeasure applySuspension(long proposalId) {
        MisuseMeasure suspension = measures.decisionOn(proposalId).filter(m -> m.measure() == MeasureKind.SUSPENSION)
                .orElseThrow(() -> new IllegalStateException("No suspension decided on the proposal " + proposalId
                        + ": nothing is applied without the lead's decision on record"));
        MisuseParty party = MisuseParty.of(suspension.partyKind(), suspension.partyRef());
        if (party.kind() == PartyKind.ACCOUNT) {
            moderation.suspendAccount(party.accountId(), suspension.suspendedUntil(), suspension.id());
        }
        send(party, ModerationMessages.Kind.SUSPENSION, suspension.caseNumber(), suspensionBody(party, suspension));
        log.info("Art. 23 suspension {} of a {} applied", suspension.id(), party.kind());
        return suspension;
    }

    private void send(MisuseParty party, ModerationMessages.Kind kind, String caseNumber, String body) {
        if (party.isNotifier()) {
            messages.toNotifier(party.gateway(), kind, caseNumber, null, party.notifierRef(), body);
        } else {
            messages.toUploader(kind, caseNumber, party.accountId(), body);
        }
    }

    private static String warning(MisuseParty party, long measureId, String basis) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("measure", "WARNING");
        body.put("measureId", measureId);
        body.put("party", party.kind().name());
        body.put("text", switch (party.kind()) {
            case NOTIFIER -> "Many of your notices were decided manifestly unfounded. If this continues, notices you submit "
                    + "may be refused for a period (Art. 23(2) DSA).";
            case ACCOUNT -> "Content of your account was repeatedly decided manifestly illegal. If this continues, your "
                    + "account may be suspended for a period (Art. 23(1) DSA).";
            case COMPLAINANT -> "Many of your complaints were decided manifestly unfounded. If this continues, complaints you "
                    + "submit may be refused for a period (Art. 23(2) DSA).";
        });
        body.put("basis", basis);
        return json(body);
    }

    private static String suspensionBody(MisuseParty party, MisuseMeasure suspension) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("measure", "SUSPENSION");
        body.put("measureId", suspension.id());
        body.put("party", party.kind().name());
        body.put("text", switch (party.kind()) {
            case NOTIFIER -> "After an earlier warning, your notices were again often manifestly unfounded: notices you "
                    + "submit are refused until the date given (Art. 23(2) DSA).";
            case ACCOUNT -> "After an earlier warning, your account again provided manifestly illegal content: it is "
                    + "suspended until the date given (Art. 23(1) DSA).";
            case COMPLAINANT -> "After an earlier warning, your complaints were again often manifestly unfounded: complaints "
                    + "you submit are refused until the date given (Art. 23(2) DSA).";
        });
        body.put("suspendedUntil", suspension.suspendedUntil().toString());
        body.put("basis", suspension.basis());
        body.put("reasons", suspension.reasoning());
        body.put("redress", REDRESS);
        return json(body);
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a message body", e);
        }
    }
}
