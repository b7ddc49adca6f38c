package com.disclosuredesk.notice;

/** The examples of the content-report API's OpenAPI description ({@link ContentReportController}, {@code complaint.ComplaintController}). */
public final class ContentReportApiExamples {

    private ContentReportApiExamples() {}

    /** PRODUCT.md's example notice. */
    public static final String NOTICE = """
            {
              "externalId": "bot-2026-0000123",
              "subject": {"type": "MESSAGE", "reference": "https://t.me/some_channel/4711"},
              "category": "RISK_FOR_PUBLIC_SECURITY",
              "specification": "TERRORIST_CONTENT",
              "explanation": "The post calls for an attack on a named place and date.",
              "country": "DE",
              "notifier": {"id": "u-88412", "name": "A. Reporter", "email": "reporter@mail.example"},
              "goodFaith": true,
              "evidence": {"text": "the reported post as the user saw it", "mediaSha256": null}
            }""";

    public static final String ANONYMOUS_CSAM = """
            {
              "externalId": "bot-2026-0000124",
              "subject": {"type": "CHANNEL", "reference": "@some_channel"},
              "category": "PROTECTION_OF_MINORS",
              "specification": "CHILD_SEXUAL_ABUSE_MATERIAL",
              "explanation": "The channel shares abuse images.",
              "goodFaith": true
            }""";

    public static final String RECEIPT_STARTED = """
            {"noticeId": 41, "externalId": "bot-2026-0000123", "caseNumber": "CR-2026-000017", "status": "RECEIVED",
             "receivedAt": "2026-11-22T09:15:02.118Z", "disposition": "STARTED", "sourceType": "SOURCE_ARTICLE_16"}""";

    public static final String RECEIPT_JOINED = """
            {"noticeId": 42, "externalId": "bot-2026-0000125", "caseNumber": "CR-2026-000017", "status": "IN_REVIEW",
             "receivedAt": "2026-11-22T09:16:40.002Z", "disposition": "JOINED", "sourceType": "SOURCE_ARTICLE_16"}""";

    public static final String INVALID_NOTICE = """
            {"type": "https://disclosuredesk.example/problems/invalid-notice", "title": "The notice is invalid", "status": 400,
             "detail": "Fields with problems: goodFaith, notifier.email, subject.reference",
             "errors": [
               {"field": "goodFaith", "message": "must be true: the notifier's statement that the notice is accurate and complete in good faith (DSA Art. 16(2)(d))"},
               {"field": "notifier.email", "message": "is required unless the notice is about child sexual abuse material"},
               {"field": "subject.reference", "message": "must be a t.me message link (t.me/<channel>/<message number>)"}]}""";

    public static final String UNKNOWN_FIELD = """
            {"type": "https://disclosuredesk.example/problems/unknown-field", "title": "The order has an unknown field",
             "status": 400, "detail": "Unknown field: priority",
             "errors": [{"field": "priority", "message": "is not a field of a notice"}]}""";

    public static final String CONFLICT = """
            {"type": "https://disclosuredesk.example/problems/notice-conflict", "title": "externalId already used for another notice",
             "status": 409, "detail": "externalId bot-2026-0000123 was used by this gateway for notice 41 with other content; a notice cannot be changed. Send a new notice with a new externalId."}""";

    public static final String SUSPENDED = """
            {"type": "https://disclosuredesk.example/problems/notifier-suspended", "title": "Notices of this notifier are suspended",
             "status": 403, "detail": "This notifier is suspended under Art. 23 DSA (frequent manifestly unfounded submissions) until 2027-01-15T00:00:00Z; nothing was stored. Submissions are accepted again after that time."}""";

    public static final String CASE = """
            {"caseNumber": "CR-2026-000017", "status": "DECIDED", "subjectType": "MESSAGE",
             "subjectReference": "t.me/some_channel/4711", "category": "RISK_FOR_PUBLIC_SECURITY",
             "specification": "TERRORIST_CONTENT", "noticeCount": 3, "trustedNoticeCount": 1,
             "createdAt": "2026-11-22T09:15:02.118Z",
             "decision": {"decision": "REMOVE", "ground": "ILLEGAL_CONTENT", "groundReference": "§ 130 StGB",
                          "decidedAt": "2026-11-22T11:02:13.500Z"},
             "notices": [{"noticeId": 41, "externalId": "bot-2026-0000123", "receivedAt": "2026-11-22T09:15:02.118Z",
                          "disposition": "STARTED"}]}""";

    public static final String CASE_NOT_FOUND = """
            {"type": "https://disclosuredesk.example/problems/case-not-found", "title": "Case not found", "status": 404,
             "detail": "No case CR-2026-000099, or none with a notice of the caller."}""";

    public static final String MESSAGES = """
            [{"id": 1207, "kind": "RECEIPT", "caseNumber": "CR-2026-000017", "noticeId": 41, "recipient": "NOTIFIER",
              "notifierRef": "u-88412", "accountId": null, "createdAt": "2026-11-22T09:15:02.118Z",
              "body": {"noticeId": 41, "externalId": "bot-2026-0000123", "caseNumber": "CR-2026-000017",
                       "receivedAt": "2026-11-22T09:15:02.118Z", "disposition": "STARTED",
                       "text": "Your notice was received and will be reviewed by a person. You will be told the decision and the ways to contest it."}}]""";

    public static final String BAD_FEED_PARAMETERS = """
            {"type": "https://disclosuredesk.example/problems/invalid-report-request", "title": "The report request is invalid",
             "status": 400, "detail": "Parameters with problems: limit",
             "errors": [{"field": "limit", "message": "must be a whole number from 1 to 1000"}]}""";

    public static final String COMPLAINT = """
            {"by": "NOTIFIER", "noticeId": 41, "text": "The post is still visible in the channel's pinned messages."}""";

    public static final String COMPLAINT_ACCEPTED = """
            {"complaintId": 7, "caseNumber": "CR-2026-000017", "status": "PENDING", "receivedAt": "2026-12-01T10:00:00Z"}""";

    public static final String INVALID_COMPLAINT = """
            {"type": "https://disclosuredesk.example/problems/invalid-complaint", "title": "The complaint is invalid", "status": 400,
             "detail": "Fields with problems: noticeId, text",
             "errors": [{"field": "noticeId", "message": "is required for a notifier's complaint"},
                        {"field": "text", "message": "is required"}]}""";

    public static final String COMPLAINT_WINDOW_CLOSED = """
            {"type": "https://disclosuredesk.example/problems/complaint-not-allowed", "title": "No complaint is possible",
             "status": 409, "detail": "The time for complaints about this decision (6 months, DSA Art. 20) closed on 2026-05-22."}""";
}
