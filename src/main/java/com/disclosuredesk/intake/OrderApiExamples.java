package com.disclosuredesk.intake;

/**
 * The examples of the orders API's OpenAPI description ({@link OrderController}): requests, and every answer, errors
 * included. They are what the API really answers (OpenApiHttpTest submits the request examples).
 */
final class OrderApiExamples {

    private OrderApiExamples() {}

    /** The spec's example order (PRODUCT.md, "The external contract"), with a real digest. */
    public static final String EXAMPLE_ORDER = """
            {
              "reference": "AZ-2026-4711",
              "orderType": "COURT_ORDER",
              "authority": {"name": "Staatsanwaltschaft Berlin", "country": "DE",
                            "contactEmail": "cybercrime@sta.berlin.example"},
              "issuer": {"type": "COURT", "name": "Amtsgericht Tiergarten"},
              "issuedOn": "2026-11-20",
              "validUntil": "2027-02-20",
              "offence": "DRUG_TRAFFICKING",
              "suspectConfirmed": true,
              "emergency": false,
              "emergencyFacts": null,
              "targets": [{"type": "USERNAME", "value": "@example_user"},
                          {"type": "PHONE", "value": "+4915112345678"}],
              "dataCategories": ["IP_ADDRESS", "PHONE_NUMBER"],
              "period": {"from": "2026-09-01T00:00:00Z", "to": "2026-11-01T00:00:00Z"},
              "nonDisclosureUntil": "2027-05-20",
              "documentSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
            }""";

    public static final String EXAMPLE_EMERGENCY = """
            {
              "reference": "EPOC-2026-0815",
              "orderType": "EMERGENCY_REQUEST",
              "authority": {"name": "Landeskriminalamt Berlin", "country": "DE"},
              "issuer": {"type": "POLICE", "name": "LKA 7 Cybercrime"},
              "issuedOn": "2026-11-22",
              "offence": "VIOLENT_THREATS",
              "suspectConfirmed": true,
              "emergency": true,
              "emergencyFacts": "A user announced to kill a named person at her school on 2026-11-23; the threat names place and time.",
              "targets": [{"type": "ACCOUNT_ID", "value": "100002"}],
              "dataCategories": ["IP_ADDRESS"],
              "period": {"from": "2026-11-15T00:00:00Z", "to": "2026-11-22T00:00:00Z"}
            }""";

    /** An EU preservation order: the platform freezes the targets' data for 60 days and discloses nothing. */
    public static final String EXAMPLE_PRESERVATION = """
            {
              "reference": "EPOC-PR-2026-0042",
              "orderType": "EU_PRESERVATION_ORDER",
              "authority": {"name": "Staatsanwaltschaft Berlin", "country": "DE",
                            "contactEmail": "cybercrime@sta.berlin.example"},
              "issuer": {"type": "COURT", "name": "Amtsgericht Tiergarten"},
              "issuedOn": "2026-11-20",
              "validUntil": "2027-02-20",
              "offence": "CYBERCRIME",
              "suspectConfirmed": true,
              "emergency": false,
              "targets": [{"type": "USERNAME", "value": "@example_user"}],
              "dataCategories": ["IP_ADDRESS", "PHONE_NUMBER"],
              "period": {"from": "2026-09-01T00:00:00Z", "to": "2026-11-01T00:00:00Z"},
              "documentSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
            }""";

    /** A production order that builds on the preservation order LO-2026-000122 of the same intake account. */
    public static final String EXAMPLE_PRODUCTION_OF_PRESERVED = """
            {
              "reference": "EPOC-2026-0042",
              "orderType": "EU_PRODUCTION_ORDER",
              "authority": {"name": "Staatsanwaltschaft Berlin", "country": "DE",
                            "contactEmail": "cybercrime@sta.berlin.example"},
              "issuer": {"type": "COURT", "name": "Amtsgericht Tiergarten"},
              "issuedOn": "2026-11-21",
              "validUntil": "2027-02-21",
              "offence": "CYBERCRIME",
              "suspectConfirmed": true,
              "emergency": false,
              "targets": [{"type": "USERNAME", "value": "@example_user"}],
              "dataCategories": ["IP_ADDRESS"],
              "period": {"from": "2026-09-01T00:00:00Z", "to": "2026-11-01T00:00:00Z"},
              "documentSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
              "preservationReference": "LO-2026-000122"
            }""";

    public static final String CREATED = """
            {"trackingNumber": "LO-2026-000123", "reference": "AZ-2026-4711", "status": "RECEIVED",
             "receivedAt": "2026-11-22T09:15:02.118Z", "updatedAt": "2026-11-22T09:15:02.118Z",
             "timeline": [{"at": "2026-11-22T09:15:02.130Z", "step": "RECEIVED", "actor": "police-de",
                           "detail": "Order received over the API."}]}""";

    public static final String IN_ANALYSIS = """
            {"trackingNumber": "LO-2026-000123", "reference": "AZ-2026-4711", "status": "IN_LEGAL_ANALYSIS",
             "receivedAt": "2026-11-22T09:15:02.118Z", "updatedAt": "2026-11-22T09:15:03.402Z",
             "timeline": [{"at": "2026-11-22T09:15:02.130Z", "step": "RECEIVED", "actor": "police-de",
                           "detail": "Order received over the API."},
                          {"at": "2026-11-22T09:15:02.291Z", "step": "ACKNOWLEDGED",
                           "detail": "Order registered; the validity check follows."},
                          {"at": "2026-11-22T09:15:03.377Z", "step": "VALIDITY_CHECKED"},
                          {"at": "2026-11-22T09:15:03.402Z", "step": "IN_LEGAL_ANALYSIS"}]}""";

    public static final String INVALID_ORDER = """
            {"type": "https://disclosuredesk.example/problems/invalid-order", "title": "The order is invalid", "status": 400,
             "detail": "Fields with problems: authority.country, period, targets[1].value", "instance": "/api/orders",
             "errors": [{"field": "authority.country", "message": "must be an ISO 3166-1 alpha-2 code such as DE"},
                        {"field": "period", "message": "must not last longer than one year (366 days)"},
                        {"field": "targets[1].value", "message": "must match its type: ACCOUNT_ID digits, USERNAME @name (4-32 characters), PHONE E.164 such as +4915112345678"}]}""";

    public static final String MALFORMED_JSON = """
            {"type": "https://disclosuredesk.example/problems/malformed-json", "title": "Malformed JSON", "status": 400,
             "detail": "The body is not valid JSON (line 1, column 15).", "instance": "/api/orders"}""";

    public static final String UNKNOWN_FIELD = """
            {"type": "https://disclosuredesk.example/problems/unknown-field", "title": "The order has an unknown field",
             "status": 400, "detail": "Unknown field: authority.fax", "instance": "/api/orders",
             "errors": [{"field": "authority.fax", "message": "is not a field of an order"}]}""";

    public static final String WRONG_TYPE = """
            {"type": "https://disclosuredesk.example/problems/invalid-order", "title": "The order is invalid", "status": 400,
             "detail": "Field with a problem: emergency", "instance": "/api/orders",
             "errors": [{"field": "emergency", "message": "must be true or false"}]}""";

    public static final String CONFLICT = """
            {"type": "https://disclosuredesk.example/problems/duplicate-reference", "title": "Reference already used",
             "status": 409, "instance": "/api/orders",
             "detail": "This authority already submitted an order with this reference (LO-2026-000123) and its content differs in offence, targets. Use a new reference for a new order.",
             "errors": [{"field": "offence", "message": "differs from order LO-2026-000123"},
                        {"field": "targets", "message": "differs from order LO-2026-000123"}]}""";

    public static final String UNKNOWN_PRESERVATION = """
            {"type": "https://disclosuredesk.example/problems/invalid-order", "title": "The order is invalid", "status": 400,
             "detail": "Fields with problems: preservationReference", "instance": "/api/orders",
             "errors": [{"field": "preservationReference",
                         "message": "does not name a preservation order submitted by this intake account"}]}""";

    public static final String PRESERVATION_HOLD = """
            {"trackingNumber": "LO-2026-000122", "reference": "EPOC-PR-2026-0042", "status": "IN_LEGAL_ANALYSIS",
             "receivedAt": "2026-11-22T09:15:02.118Z", "updatedAt": "2026-12-20T10:02:11.530Z",
             "timeline": [{"at": "2026-11-22T09:15:02.130Z", "step": "RECEIVED", "actor": "police-de",
                           "detail": "Order received over the API."},
                          {"at": "2026-12-20T10:02:11.517Z", "step": "PRESERVATION_EXTENSION_REQUESTED", "actor": "police-de",
                           "detail": "The authority asked to extend the preservation once."}],
             "authorityNotes": [{"writtenAt": "2026-12-20T10:02:11.512Z", "kind": "PRESERVATION_EXTENSION",
                                 "author": "police-de", "text": "The production order is being prepared."}],
             "preservation": {"preservedAt": "2026-11-22T09:15:03.441Z", "heldUntil": "2027-02-20T09:15:03.441Z",
                              "extended": true}}""";

    public static final String ALREADY_EXTENDED = """
            {"type": "https://disclosuredesk.example/problems/preservation-state",
             "title": "Not possible in the preservation's state", "status": 409,
             "detail": "The preservation of order LO-2026-000122 was already extended once (held until 2027-02-20T09:15:03.441Z); it cannot be extended again.",
             "instance": "/api/orders/LO-2026-000122/preservation-extension"}""";

    public static final String NOT_A_PRESERVATION = """
            {"type": "https://disclosuredesk.example/problems/order-state", "title": "Not possible in the order's state",
             "status": 409, "detail": "Order LO-2026-000123 is a COURT_ORDER, not a preservation order: there is no hold to extend.",
             "instance": "/api/orders/LO-2026-000123/preservation-extension"}""";

    public static final String NON_DISCLOSURE_EXTENDED = """
            {"trackingNumber": "LO-2026-000123", "reference": "AZ-2026-4711", "status": "DISCLOSED", "outcome": "FULFILLED",
             "receivedAt": "2026-11-22T09:15:02.118Z", "updatedAt": "2027-05-02T08:00:00.120Z",
             "timeline": [{"at": "2027-05-02T08:00:00.101Z", "step": "NON_DISCLOSURE_EXTENDED", "actor": "police-de",
                           "detail": "Non-disclosure extended until 2027-08-20: the user is not notified before then."}],
             "authorityNotes": [{"writtenAt": "2027-05-02T08:00:00.098Z", "kind": "NON_DISCLOSURE_EXTENSION",
                                 "author": "police-de", "text": "Court order of 2027-04-30 extends the non-disclosure."}]}""";

    public static final String NON_DISCLOSURE_NOT_LATER = """
            {"type": "https://disclosuredesk.example/problems/invalid-order", "title": "The order is invalid", "status": 400,
             "detail": "Fields with problems: nonDisclosureUntil",
             "instance": "/api/orders/LO-2026-000123/non-disclosure-extension",
             "errors": [{"field": "nonDisclosureUntil",
                         "message": "must be later than the order's current nonDisclosureUntil (2027-05-20)"}]}""";

    public static final String NON_DISCLOSURE_TOO_LATE = """
            {"type": "https://disclosuredesk.example/problems/order-state", "title": "Not possible in the order's state",
             "status": 409,
             "detail": "Order LO-2026-000123 is not waiting to notify the user (status DISCLOSED): its non-disclosure can no longer be extended.",
             "instance": "/api/orders/LO-2026-000123/non-disclosure-extension"}""";

    public static final String UNSUPPORTED_MEDIA_TYPE = """
            {"type": "https://disclosuredesk.example/problems/unsupported-media-type", "title": "Unsupported media type",
             "status": 415, "detail": "Send the request body as application/json.", "instance": "/api/orders"}""";

    public static final String NOT_FOUND = """
            {"type": "https://disclosuredesk.example/problems/order-not-found", "title": "Order not found", "status": 404,
             "detail": "No order LO-2026-000123 is visible to you.", "instance": "/api/orders/LO-2026-000123"}""";

    public static final String NON_DISCLOSURE_REQUEST = """
            {"nonDisclosureUntil": "2027-08-20", "reason": "Court order of 2027-04-30 extends the non-disclosure."}""";
}
