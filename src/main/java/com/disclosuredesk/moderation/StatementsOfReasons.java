package com.disclosuredesk.moderation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The texts of part two's messages (cr_message bodies, JSON), in one place: the statement of reasons to the uploader
 * (Art. 17(3)), its new version after a reversal, the decision to each notifier (Art. 16(5)) and the answer to a
 * complaint (Art. 20(4), naming Art. 21 and the courts). The moderator's explanation or reasoning (at most 2,000
 * characters), the subject and the ground's reference appear once per body, so that a body stays within cr_message.body (8,000). Plain logic, tested without the engine. The bodies hold the
 * case's facts and the moderator's decision, ground and explanation; never who notified (names, emails, notifier
 * ids), never the evidence.
 */
public final class StatementsOfReasons {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** Out-of-court dispute settlement (Art. 21), as every message that names the redress puts it. */
    public static final String OUT_OF_COURT = "You may refer the decision to a certified out-of-court dispute settlement "
            + "body of your choice (Art. 21 DSA); the platform will take part in good faith and is bound by its decision.";
    /** Judicial redress, which no other redress replaces. */
    public static final String COURTS = "You may at any time take the matter to the courts of your country; "
            + "the complaint and dispute settlement do not affect that right.";

    private StatementsOfReasons() {}

    /**
     * The facts of a decision that the messages state.
     *
     * @param caseNumber         the case
     * @param subjectType        MESSAGE, CHANNEL, GROUP, ACCOUNT, SEARCH_TERM
     * @param subjectReference   the content concerned (public: a link, a public name, a search term)
     * @param country            the country of the notices (the territory whose law is named), may be null
     * @param noticeCount        how many notices the case had
     * @param trustedFlagger     whether a trusted flagger (Art. 22) notified it (never who)
     * @param decision           REMOVE, RESTRICT, NO_ACTION
     * @param ground             ILLEGAL_CONTENT, INCOMPATIBLE_CONTENT, or null
     * @param groundReference    the law or the Terms of Service clause
     * @param explanation        the moderator's explanation
     * @param decidedAt          when it was decided
     * @param complaintsUntil    the end of the complaint window (Art. 20: six months)
     */
    public record Facts(String caseNumber, String subjectType, String subjectReference, String country, int noticeCount,
                        boolean trustedFlagger, String decision, String ground, String groundReference, String explanation,
                        Instant decidedAt, Instant complaintsUntil) {}

    /** The statement of reasons to the uploader (Art. 17(3)), for a decision that removes or restricts content. */
    public static String statementOfReasons(Facts f) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "STATEMENT_OF_REASONS");
        body.put("caseNumber", f.caseNumber());
        body.put("decision", f.decision());
        body.put("decidedAt", f.decidedAt().toString());
        body.put("restriction", restriction(f));
        body.put("facts", facts(f));
        body.put("automatedMeans", Map.of("automatedDetection", false, "automatedDecision", false,
                "text", "The content was found through notices, not automated detection, and a person decided."));
        body.put("ground", ground(f));
        body.put("redress", redress(f, true));
        body.put("text", "Your " + subject(f) + " was " + ("REMOVE".equals(f.decision()) ? "removed" : "restricted")
                + " on " + DATE.format(f.decidedAt()) + " (case " + f.caseNumber() + ") because "
                + ("ILLEGAL_CONTENT".equals(f.ground()) ? "it is illegal under the law" : "it is incompatible with the Terms of Service clause")
                + " named in \"ground\", for the reasons explained there. " + noticeSentence(f)
                + " No automated means were used to detect it or to decide. You may complain until "
                + DATE.format(f.complaintsUntil()) + ". " + OUT_OF_COURT + " " + COURTS);
        return write(body);
    }

    /** The new statement of reasons to the uploader after a complaint reversed the decision: the restriction is lifted. */
    public static String reversal(Facts reversed, String reasoning, Instant reversedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "STATEMENT_OF_REASONS");
        body.put("caseNumber", reversed.caseNumber());
        body.put("decision", "NO_ACTION");
        body.put("reverses", reversed.decision());
        body.put("decidedAt", reversedAt.toString());
        body.put("restriction", Map.of("type", "NONE", "text", "The earlier " + action(reversed.decision())
                + " of your " + subject(reversed) + " has been undone."));
        body.put("facts", facts(reversed));
        body.put("automatedMeans", Map.of("automatedDetection", false, "automatedDecision", false));
        body.put("reasoning", reasoning);
        body.put("redress", Map.of("outOfCourtDisputeSettlement", OUT_OF_COURT, "judicialRedress", COURTS));
        body.put("text", "On review of a complaint, the decision of " + DATE.format(reversed.decidedAt()) + " to "
                + verb(reversed.decision()) + " your " + subject(reversed) + " (case " + reversed.caseNumber()
                + ") was reversed and the restriction lifted (the reasoning is in \"reasoning\").");
        return write(body);
    }

    /** The decision to a notifier (Art. 16(5)) with the redress open to them. */
    public static String notifierDecision(Facts f) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "DECISION");
        body.put("caseNumber", f.caseNumber());
        body.put("decision", f.decision());
        body.put("decidedAt", f.decidedAt().toString());
        if (f.ground() != null) {
            body.put("ground", ground(f));
        } else if (f.explanation() != null && !f.explanation().isBlank()) {
            body.put("explanation", f.explanation());
        }
        body.put("automatedMeans", Map.of("automatedDetection", false, "automatedDecision", false));
        body.put("redress", redress(f, false));
        body.put("text", "We have decided on the content you reported (case " + f.caseNumber() + "): "
                + switch (f.decision()) {
                    case "REMOVE" -> "it was removed";
                    case "RESTRICT" -> "it was restricted";
                    default -> "no action was taken";
                } + (f.ground() == null ? "." : (" because " + ("ILLEGAL_CONTENT".equals(f.ground())
                        ? "it is illegal under the law" : "it is incompatible with the Terms of Service clause")
                        + " named in \"ground\"."))
                + " A person decided; no automated means were used. You may complain about this decision until "
                + DATE.format(f.complaintsUntil()) + ". " + OUT_OF_COURT + " " + COURTS);
        return write(body);
    }

    /** The answer to a complaint (Art. 20(4)): the outcome, the reasoning, and the redress left (Art. 21, courts). */
    public static String complaintOutcome(String caseNumber, long complaintId, String outcome, String reasoning,
                                          String decisionInForce, Instant decidedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "COMPLAINT_OUTCOME");
        body.put("caseNumber", caseNumber);
        body.put("complaintId", complaintId);
        body.put("outcome", outcome);
        body.put("decisionInForce", decisionInForce);
        body.put("decidedAt", decidedAt.toString());
        body.put("reasoning", reasoning);
        body.put("decidedBy", "a person other than the one who took the decision complained about");
        body.put("redress", Map.of("outOfCourtDisputeSettlement", OUT_OF_COURT, "judicialRedress", COURTS));
        body.put("text", "Your complaint about the decision in case " + caseNumber + " was reviewed by another person: "
                + ("UPHELD".equals(outcome) ? "the decision stands" : "the decision was reversed")
                + " (the reasoning is in \"reasoning\"). " + OUT_OF_COURT + " " + COURTS);
        return write(body);
    }

    private static Map<String, Object> restriction(Facts f) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", "REMOVE".equals(f.decision()) ? "REMOVAL" : "VISIBILITY_RESTRICTION");
        r.put("territorialScope", "the whole platform");
        if (f.country() != null) {
            r.put("reportedFrom", f.country());
        }
        r.put("duration", "INDEFINITE");
        r.put("text", ("REMOVE".equals(f.decision()) ? "Removed" : "Restricted") + " on the whole platform, for an indefinite period"
                + " (until a complaint or a court reverses the decision).");
        return r;
    }

    private static Map<String, Object> facts(Facts f) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("basis", "NOTICE");
        facts.put("subjectType", f.subjectType());
        facts.put("subject", f.subjectReference());
        facts.put("noticeCount", f.noticeCount());
        facts.put("trustedFlagger", f.trustedFlagger());
        facts.put("text", noticeSentence(f));
        return facts;
    }

    private static Map<String, Object> ground(Facts f) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("type", f.ground());
        if ("ILLEGAL_CONTENT".equals(f.ground())) {
            g.put("legalReference", f.groundReference());
        } else {
            g.put("termsClause", f.groundReference());
        }
        g.put("explanation", f.explanation());
        return g;
    }

    private static Map<String, Object> redress(Facts f, boolean uploader) {
        Map<String, Object> r = new LinkedHashMap<>();
        Map<String, Object> complaint = new LinkedHashMap<>();
        complaint.put("until", f.complaintsUntil().toString());
        complaint.put("how", "POST /api/content-reports/" + f.caseNumber() + "/complaints");
        complaint.put("by", uploader ? "UPLOADER" : "NOTIFIER");
        r.put("internalComplaint", complaint);
        r.put("outOfCourtDisputeSettlement", OUT_OF_COURT);
        r.put("judicialRedress", COURTS);
        return r;
    }

    private static String noticeSentence(Facts f) {
        return "The decision was taken on " + (f.noticeCount() == 1 ? "a notice" : f.noticeCount() + " notices")
                + " from users" + (f.trustedFlagger() ? ", among them a trusted flagger (Art. 22 DSA)" : "") + ".";
    }

    /** The kind of content in words (the reference itself is in "facts", once). */
    private static String subject(Facts f) {
        return switch (f.subjectType() == null ? "" : f.subjectType()) {
            case "MESSAGE" -> "message";
            case "CHANNEL" -> "channel";
            case "GROUP" -> "group";
            case "ACCOUNT" -> "account";
            case "SEARCH_TERM" -> "search term";
            default -> "content";
        };
    }

    private static String action(String decision) {
        return "REMOVE".equals(decision) ? "removal" : "restriction";
    }

    private static String verb(String decision) {
        return "REMOVE".equals(decision) ? "remove" : "restrict";
    }

    private static String write(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A message body could not be written", e);
        }
    }
}
