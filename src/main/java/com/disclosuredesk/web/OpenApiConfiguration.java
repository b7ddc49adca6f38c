package com.disclosuredesk.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the application's API ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html},
 * both public): {@code /api/**} only, with HTTP basic for the intake endpoints, the spec's example order, and an
 * example of every answer, errors included. The examples are added here, not on the controllers, and are what the
 * API really answers (HTTP tests submit the request example).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /** Name of the security scheme: HTTP basic against the engine's users, as in {@code SecurityConfiguration}. */
    public static final String BASIC_AUTH = "basicAuth";

    static final String PROBLEM_SCHEMA = "Problem";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

    /** The spec's example order (PRODUCT.md, "The external contract"), with a real digest. */
    static final String EXAMPLE_ORDER = """
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

    private static final String EXAMPLE_EMERGENCY = """
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
    static final String EXAMPLE_PRESERVATION = """
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
    static final String EXAMPLE_PRODUCTION_OF_PRESERVED = """
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

    private static final String TRACKING_NUMBER = "LO-2026-000123";

    private static final String CREATED = """
            {"trackingNumber": "LO-2026-000123", "reference": "AZ-2026-4711", "status": "RECEIVED",
             "receivedAt": "2026-11-22T09:15:02.118Z", "updatedAt": "2026-11-22T09:15:02.118Z",
             "timeline": [{"at": "2026-11-22T09:15:02.130Z", "step": "RECEIVED", "actor": "police-de",
                           "detail": "Order received over the API."}]}""";

    private static final String IN_ANALYSIS = """
            {"trackingNumber": "LO-2026-000123", "reference": "AZ-2026-4711", "status": "IN_LEGAL_ANALYSIS",
             "receivedAt": "2026-11-22T09:15:02.118Z", "updatedAt": "2026-11-22T09:15:03.402Z",
             "timeline": [{"at": "2026-11-22T09:15:02.130Z", "step": "RECEIVED", "actor": "police-de",
                           "detail": "Order received over the API."},
                          {"at": "2026-11-22T09:15:02.291Z", "step": "ACKNOWLEDGED",
                           "detail": "Order registered; the validity check follows."},
                          {"at": "2026-11-22T09:15:03.377Z", "step": "VALIDITY_CHECKED"},
                          {"at": "2026-11-22T09:15:03.402Z", "step": "IN_LEGAL_ANALYSIS"}]}""";

    private static final String INVALID_ORDER = """
            {"type": "https://disclosuredesk.example/problems/invalid-order", "title": "The order is invalid", "status": 400,
             "detail": "Fields with problems: authority.country, period, targets[1].value", "instance": "/api/orders",
             "errors": [{"field": "authority.country", "message": "must be an ISO 3166-1 alpha-2 code such as DE"},
                        {"field": "period", "message": "must not last longer than one year (366 days)"},
                        {"field": "targets[1].value", "message": "must match its type: ACCOUNT_ID digits, USERNAME @name (4-32 characters), PHONE E.164 such as +4915112345678"}]}""";

    private static final String MALFORMED_JSON = """
            {"type": "https://disclosuredesk.example/problems/malformed-json", "title": "Malformed JSON", "status": 400,
             "detail": "The body is not valid JSON (line 1, column 15).", "instance": "/api/orders"}""";

    private static final String UNKNOWN_FIELD = """
            {"type": "https://disclosuredesk.example/problems/unknown-field", "title": "The order has an unknown field",
             "status": 400, "detail": "Unknown field: authority.fax", "instance": "/api/orders",
             "errors": [{"field": "authority.fax", "message": "is not a field of an order"}]}""";

    private static final String WRONG_TYPE = """
            {"type": "https://disclosuredesk.example/problems/invalid-order", "title": "The order is invalid", "status": 400,
             "detail": "Field with a problem: emergency", "instance": "/api/orders",
             "errors": [{"field": "emergency", "message": "must be true or false"}]}""";

    private static final String CONFLICT = """
            {"type": "https://disclosuredesk.example/problems/duplicate-reference", "title": "Reference already used",
             "status": 409, "instance": "/api/orders",
             "detail": "This authority already submitted an order with this reference (LO-2026-000123) and its content differs in offence, targets. Use a new reference for a new order.",
             "errors": [{"field": "offence", "message": "differs from order LO-2026-000123"},
                        {"field": "targets", "message": "differs from order LO-2026-000123"}]}""";

    private static final String UNKNOWN_PRESERVATION = """
            {"type": "https://disclosuredesk.example/problems/invalid-order", "title": "The order is invalid", "status": 400,
             "detail": "Fields with problems: preservationReference", "instance": "/api/orders",
             "errors": [{"field": "preservationReference",
                         "message": "does not name a preservation order submitted by this intake account"}]}""";

    private static final String PRESERVATION_HOLD = """
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

    private static final String ALREADY_EXTENDED = """
            {"type": "https://disclosuredesk.example/problems/preservation-state",
             "title": "Not possible in the preservation's state", "status": 409,
             "detail": "The preservation of order LO-2026-000122 was already extended once (held until 2027-02-20T09:15:03.441Z); it cannot be extended again.",
             "instance": "/api/orders/LO-2026-000122/preservation-extension"}""";

    private static final String NOT_A_PRESERVATION = """
            {"type": "https://disclosuredesk.example/problems/order-state", "title": "Not possible in the order's state",
             "status": 409, "detail": "Order LO-2026-000123 is a COURT_ORDER, not a preservation order: there is no hold to extend.",
             "instance": "/api/orders/LO-2026-000123/preservation-extension"}""";

    private static final String NON_DISCLOSURE_EXTENDED = """
            {"trackingNumber": "LO-2026-000123", "reference": "AZ-2026-4711", "status": "DISCLOSED", "outcome": "FULFILLED",
             "receivedAt": "2026-11-22T09:15:02.118Z", "updatedAt": "2027-05-02T08:00:00.120Z",
             "timeline": [{"at": "2027-05-02T08:00:00.101Z", "step": "NON_DISCLOSURE_EXTENDED", "actor": "police-de",
                           "detail": "Non-disclosure extended until 2027-08-20: the user is not notified before then."}],
             "authorityNotes": [{"writtenAt": "2027-05-02T08:00:00.098Z", "kind": "NON_DISCLOSURE_EXTENSION",
                                 "author": "police-de", "text": "Court order of 2027-04-30 extends the non-disclosure."}]}""";

    private static final String NON_DISCLOSURE_NOT_LATER = """
            {"type": "https://disclosuredesk.example/problems/invalid-order", "title": "The order is invalid", "status": 400,
             "detail": "Fields with problems: nonDisclosureUntil",
             "instance": "/api/orders/LO-2026-000123/non-disclosure-extension",
             "errors": [{"field": "nonDisclosureUntil",
                         "message": "must be later than the order's current nonDisclosureUntil (2027-05-20)"}]}""";

    private static final String NON_DISCLOSURE_TOO_LATE = """
            {"type": "https://disclosuredesk.example/problems/order-state", "title": "Not possible in the order's state",
             "status": 409,
             "detail": "Order LO-2026-000123 is not waiting to notify the user (status DISCLOSED): its non-disclosure can no longer be extended.",
             "instance": "/api/orders/LO-2026-000123/non-disclosure-extension"}""";

    private static final String UNSUPPORTED_MEDIA_TYPE = """
            {"type": "https://disclosuredesk.example/problems/unsupported-media-type", "title": "Unsupported media type",
             "status": 415, "detail": "Send the request body as application/json.", "instance": "/api/orders"}""";

    private static final String UNAUTHORIZED = """
            {"type": "about:blank", "title": "Unauthorized", "status": 401,
             "detail": "Sign in with HTTP basic authentication.", "timestamp": "2026-11-22T09:15:02.118Z"}""";

    private static final String FORBIDDEN = """
            {"type": "about:blank", "title": "Forbidden", "status": 403,
             "detail": "Your role does not allow this request.", "timestamp": "2026-11-22T09:15:02.118Z"}""";

    private static final String NOT_FOUND = """
            {"type": "https://disclosuredesk.example/problems/order-not-found", "title": "Order not found", "status": 404,
             "detail": "No order LO-2026-000123 is visible to you.", "instance": "/api/orders/LO-2026-000123"}""";

    private static final ObjectMapper EXAMPLES = new ObjectMapper();

    @Bean
    OpenAPI disclosureDeskOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Disclosure Desk API")
                        .version("1")
                        .description("""
                                REST interface of Disclosure Desk for authority systems and intake gateways: submit legal \
                                orders for user data (IP addresses, phone numbers), follow their status and timeline; and the \
                                public transparency endpoints.

                                Intake endpoints need HTTP basic authentication as a member of `intake-systems`; an intake \
                                system sees only the orders it submitted (others answer 404). Submitting the same authority \
                                and reference again is safe: the same body answers 200 with the existing order, a different \
                                body 409. Every error is `application/problem+json`; an `errors` list names each offending \
                                field by its JSON path and never repeats the submitted value. Request bodies are limited to \
                                1 MiB (413).

                                The Camunda engine REST API (`/engine-rest`) is not part of this document."""))
                .components(new Components()
                        .addSecuritySchemes(BASIC_AUTH, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("basic")
                                .description("A user of the platform's identity service; intake systems are members of intake-systems.")))
                .addTagsItem(new Tag().name("Orders").description("Legal orders of authorities: submit, follow"))
                .addTagsItem(new Tag().name("Transparency").description("Public: the transparency ledger"));
    }

    /** Security, tags and the examples of requests and answers, on the operations the controllers declare. */
    @Bean
    OpenApiCustomizer intakeApiExamples(@Value("${disclosure-desk.api.max-body-bytes:1048576}") long maxBodyBytes) {
        return openApi -> {
            // here, not on the OpenAPI bean: springdoc replaces the bean's schemas with the ones it generates
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                if (path.startsWith("/api/transparency")) {
                    operation.setTags(List.of("Transparency"));
                } else if (path.startsWith("/api/orders")) {
                    operation.setTags(List.of("Orders"));
                    operation.addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH));
                    responses(operation)
                            .addApiResponse("401", problem("Not signed in, or wrong user or password.", "unauthorized", UNAUTHORIZED)
                                    .addHeaderObject("WWW-Authenticate", new Header().description("Basic realm=\"Disclosure Desk\"")
                                            .schema(new StringSchema())))
                            .addApiResponse("403", problem("The caller's groups do not allow this request.", "forbidden", FORBIDDEN));
                } else {
                    // every other endpoint needs sign-in too (staff, administrators, intake systems)
                    operation.addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH));
                }
            }));
            submitOrder(openApi.getPaths().get("/api/orders"), maxBodyBytes);
            orderStatus(openApi.getPaths().get("/api/orders/{trackingNumber}"));
            preservationExtension(openApi.getPaths().get("/api/orders/{trackingNumber}/preservation-extension"));
            nonDisclosureExtension(openApi.getPaths().get("/api/orders/{trackingNumber}/non-disclosure-extension"));
        };
    }

    private static void submitOrder(PathItem item, long maxBodyBytes) {
        if (item == null || item.getPost() == null) {
            return;
        }
        Operation submit = item.getPost();
        submit.setSummary("Submit a legal order");
        submit.setDescription("Stores the order, starts its process and answers with its tracking number. The same authority "
                + "(country and name) and reference again: 200 with the existing order if the body is the same, 409 if it differs. "
                + "Nothing is stored when the order is refused.");
        if (submit.getRequestBody() != null && submit.getRequestBody().getContent() != null) {
            MediaType body = submit.getRequestBody().getContent().get(JSON);
            if (body != null) {
                body.addExamples("courtOrder", example("The spec's example: a court order for a username and a phone number",
                        EXAMPLE_ORDER));
                body.addExamples("emergencyRequest", example("An emergency request: emergencyFacts are required", EXAMPLE_EMERGENCY));
                body.addExamples("preservationOrder", example("An EU preservation order: the data is frozen, nothing is disclosed",
                        EXAMPLE_PRESERVATION));
                body.addExamples("productionOfPreservedData", example("A production order that builds on an earlier "
                        + "preservation order of the same intake account (preservationReference)", EXAMPLE_PRODUCTION_OF_PRESERVED));
            }
        }
        Schema<?> orderSchema = new Schema<>().$ref("#/components/schemas/OrderStatusResponse");
        Header location = new Header().description("/api/orders/{trackingNumber} of the order").schema(new StringSchema());
        String tooLarge = RequestBodyLimitFilter.detail(maxBodyBytes);
        responses(submit)
                .addApiResponse("201", new ApiResponse().description("The order is registered and its process started.")
                        .addHeaderObject("Location", location)
                        .content(new Content().addMediaType(JSON, new MediaType().schema(orderSchema)
                                .addExamples("created", example("A new order", CREATED)))))
                .addApiResponse("200", new ApiResponse()
                        .description("Resubmission: this authority sent this reference with the same body before; the existing order.")
                        .addHeaderObject("Location", location)
                        .content(new Content().addMediaType(JSON, new MediaType().schema(orderSchema)
                                .addExamples("resubmitted", example("The existing order, meanwhile in legal analysis", IN_ANALYSIS)))))
                .addApiResponse("400", new ApiResponse()
                        .description("The body is not an order: malformed JSON, an unknown field, a wrong type, or fields breaking "
                                + "the rules. Every offending field is named.")
                        .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(problemRef())
                                .addExamples("invalidOrder", example("Fields breaking the rules", INVALID_ORDER))
                                .addExamples("malformedJson", example("Not valid JSON", MALFORMED_JSON))
                                .addExamples("unknownField", example("A field that is not part of an order", UNKNOWN_FIELD))
                                .addExamples("unknownPreservation", example("preservationReference names no preservation order "
                                        + "of this intake account (whether another's exists is not told)", UNKNOWN_PRESERVATION))
                                .addExamples("wrongType", example("A string where a boolean belongs", WRONG_TYPE)))))
                .addApiResponse("409", problem("The reference was used by this authority before, with a different body.",
                        "referenceConflict", CONFLICT))
                .addApiResponse("413", problem("The body is larger than " + maxBodyBytes + " bytes.", "payloadTooLarge", """
                        {"type": "https://disclosuredesk.example/problems/payload-too-large", "title": "Payload too large",
                         "status": 413, "detail": %s, "instance": "/api/orders"}""".formatted(quoted(tooLarge))))
                .addApiResponse("415", problem("The body is not sent as application/json.", "unsupportedMediaType",
                        UNSUPPORTED_MEDIA_TYPE));
    }

    private static void orderStatus(PathItem item) {
        if (item == null || item.getGet() == null) {
            return;
        }
        Operation status = item.getGet();
        status.setSummary("Status and timeline of an order");
        status.setDescription("An intake system sees only the orders it submitted; any other tracking number answers 404.");
        ApiResponse ok = responses(status).get("200");
        if (ok != null && ok.getContent() != null && ok.getContent().get(JSON) != null) {
            ok.description("The order's status and timeline; never its targets.");
            ok.getContent().get(JSON).addExamples("inLegalAnalysis", example("An order in legal analysis", IN_ANALYSIS));
        }
        responses(status).addApiResponse("404", problem("No such order, or not one the caller submitted.", "notFound", NOT_FOUND));
    }

    private static void preservationExtension(PathItem item) {
        if (item == null || item.getPost() == null) {
            return;
        }
        Operation extend = item.getPost();
        extend.setSummary("Extend the hold of a preservation order, once");
        extend.setDescription("For the intake system that submitted the preservation order. Extends the hold once, from its "
                + "end: EU preservation orders by 30 days, other preservation requests by 90 days (configurable). The body "
                + "(a reason) is optional. 409 when the order is not a preservation order, its data is not (yet) preserved, "
                + "the hold was already extended, has ended or its snapshot was deleted.");
        Schema<?> orderSchema = new Schema<>().$ref("#/components/schemas/OrderStatusResponse");
        responses(extend)
                .addApiResponse("200", new ApiResponse().description("Extended: the order's status with its hold.")
                        .content(new Content().addMediaType(JSON, new MediaType().schema(orderSchema)
                                .addExamples("extended", example("The hold, extended", PRESERVATION_HOLD)))))
                .addApiResponse("404", problem("No such order, or not one the caller submitted.", "notFound", NOT_FOUND))
                .addApiResponse("409", new ApiResponse().description("The hold cannot be extended (now).")
                        .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(problemRef())
                                .addExamples("alreadyExtended", example("The hold was already extended once", ALREADY_EXTENDED))
                                .addExamples("notAPreservation", example("The order is not a preservation order",
                                        NOT_A_PRESERVATION)))));
    }

    private static void nonDisclosureExtension(PathItem item) {
        if (item == null || item.getPost() == null) {
            return;
        }
        Operation extend = item.getPost();
        extend.setSummary("Extend a non-disclosure order");
        extend.setDescription("For the intake system that submitted the order: the user is not notified of the disclosure "
                + "before the new date. nonDisclosureUntil is required, an ISO date (YYYY-MM-DD) later than the order's current "
                + "one and in the future. 409 when the platform no longer waits to notify the user (for example: the user "
                + "was already notified) or the order never reached that point.");
        if (extend.getRequestBody() != null && extend.getRequestBody().getContent() != null
                && extend.getRequestBody().getContent().get(JSON) != null) {
            extend.getRequestBody().getContent().get(JSON).addExamples("extension", example("A new date and the reason",
                    """
                    {"nonDisclosureUntil": "2027-08-20", "reason": "Court order of 2027-04-30 extends the non-disclosure."}"""));
        }
        Schema<?> orderSchema = new Schema<>().$ref("#/components/schemas/OrderStatusResponse");
        responses(extend)
                .addApiResponse("200", new ApiResponse().description("Extended: the order's status and timeline.")
                        .content(new Content().addMediaType(JSON, new MediaType().schema(orderSchema)
                                .addExamples("extended", example("Non-disclosure extended", NON_DISCLOSURE_EXTENDED)))))
                .addApiResponse("400", new ApiResponse().description("The date is missing, not a date, not later than the "
                                + "current one or not in the future.")
                        .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(problemRef())
                                .addExamples("notLater", example("Not later than the current date", NON_DISCLOSURE_NOT_LATER)))))
                .addApiResponse("404", problem("No such order, or not one the caller submitted.", "notFound", NOT_FOUND))
                .addApiResponse("409", problem("The platform no longer waits to notify the user.", "tooLate",
                        NON_DISCLOSURE_TOO_LATE));
    }

    private static ApiResponses responses(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        return operation.getResponses();
    }

    private static ApiResponse problem(String description, String exampleName, String json) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(problemRef()).addExamples(exampleName, example(description, json))));
    }

    private static Schema<?> problemRef() {
        return new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA);
    }

    /** RFC 9457 problem details with the {@code errors} list of {@link ApiProblemHandler}. */
    private static Schema<?> problemSchema() {
        Schema<?> fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema().description("JSON path of the field, such as targets[2].value").example("authority.country"))
                .addProperty("message", new StringSchema().description("The rule it breaks; never the submitted value"));
        return new ObjectSchema()
                .description("An error (RFC 9457, application/problem+json)")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(fieldProblem).description("Each offending field, when there are fields"));
    }

    private static Example example(String summary, String json) {
        try {
            Map<String, Object> value = EXAMPLES.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
            return new Example().summary(summary).value(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Broken OpenAPI example: " + summary, e);
        }
    }

    private static String quoted(String text) {
        try {
            return EXAMPLES.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
