package com.disclosuredesk.intake;

import com.disclosuredesk.web.ApiProblemHandler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.disclosuredesk.intake.OrderSubmission.Authority;
import com.disclosuredesk.intake.OrderSubmission.Issuer;
import com.disclosuredesk.intake.OrderSubmission.Period;
import com.disclosuredesk.intake.OrderSubmission.TargetSpec;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.TargetType;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderSubmissionValidationTest {

    private static final String DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    /** The spec's example payload. */
    static OrderSubmission valid() {
        return new Change(null).build();
    }

    static OrderSubmission with(UnaryOperator<Change> change) {
        return change.apply(new Change(null)).build();
    }

    private static List<String> violatedPaths(OrderSubmission submission) {
        return validator.validate(submission).stream().map(v -> v.getPropertyPath().toString()).sorted().toList();
    }

    private static List<TargetSpec> accounts(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> new TargetSpec(TargetType.ACCOUNT_ID, Integer.toString(100_000 + i)))
                .toList();
    }

    @Test
    void specExampleHasNoViolations() {
        assertThat(validator.validate(valid())).isEmpty();
    }

    @Test
    void optionalFieldsMayBeMissing() {
        OrderSubmission minimal = with(c -> c.validUntil(null).nonDisclosureUntil(null).documentSha256(null)
                .authority(new Authority("Amtsgericht Tiergarten", "DE", null)));

        assertThat(validator.validate(minimal)).isEmpty();
    }

    @Test
    void emergencyWithFactsIsValid() {
        assertThat(validator.validate(with(c -> c.emergency(true, "Threat to kill a named person on 2026-12-02.")))).isEmpty();
    }

    @Test
    void hundredTargetsAreValid() {
        assertThat(validator.validate(with(c -> c.targets(accounts(100))))).isEmpty();
    }

    @Test
    void periodOfExactly366DaysIsValid() {
        Instant from = Instant.parse("2025-11-01T00:00:00Z");
        assertThat(validator.validate(with(c -> c.period(new Period(from, from.plusSeconds(366L * 24 * 3600)))))).isEmpty();
    }

    @Test
    void sameValueWithAnotherTypeIsNoDuplicate() {
        assertThat(validator.validate(with(c -> c.targets(List.of(new TargetSpec(TargetType.ACCOUNT_ID, "100002"),
                new TargetSpec(TargetType.PHONE, "+4915112345678"), new TargetSpec(TargetType.USERNAME, "@demo0002")))))).isEmpty();
    }

    @Test
    void eachRepetitionOfATargetIsReportedWithoutItsValue() {
        Set<ConstraintViolation<OrderSubmission>> violations = validator.validate(with(c -> c.targets(List.of(
                new TargetSpec(TargetType.PHONE, "+4917098765432"), new TargetSpec(TargetType.PHONE, "+4917098765432"),
                new TargetSpec(TargetType.PHONE, "+4917098765432")))));

        assertThat(violations).extracting(v -> v.getPropertyPath().toString()).containsExactlyInAnyOrder("targets[1]", "targets[2]");
        assertThat(violations).allSatisfy(v -> assertThat(v.getMessage()).isEqualTo("must not repeat targets[0] (same type and value)"));
    }

    @Test
    void issuedTodayIsNotInTheFuture() {
        assertThat(validator.validate(with(c -> c.issuedOn(LocalDate.now())))).isEmpty();
    }

    @Test
    void checksAreReportedUnderTheirJsonFields() {
        assertThat(ApiProblemHandler.fieldName("targets[3].valueWellFormed")).isEqualTo("targets[3].value");
        assertThat(ApiProblemHandler.fieldName("authority.countryAssigned")).isEqualTo("authority.country");
        assertThat(ApiProblemHandler.fieldName("period.chronological")).isEqualTo("period");
        assertThat(ApiProblemHandler.fieldName("period.atMostOneYear")).isEqualTo("period");
        assertThat(ApiProblemHandler.fieldName("validUntilAfterIssue")).isEqualTo("validUntil");
        assertThat(ApiProblemHandler.fieldName("nonDisclosureAfterIssue")).isEqualTo("nonDisclosureUntil");
        assertThat(ApiProblemHandler.fieldName("emergencyFactsGiven")).isEqualTo("emergencyFacts");
        assertThat(ApiProblemHandler.fieldName("targets[1]")).isEqualTo("targets[1]");
        assertThat(ApiProblemHandler.fieldName("authority.name")).isEqualTo("authority.name");
    }

    @Test
    void upperCaseDigestIsValid() {
        assertThat(validator.validate(with(c -> c.documentSha256(DIGEST.toUpperCase())))).isEmpty();
    }

    static Stream<Arguments> badInput() {
        Instant from = Instant.parse("2026-09-01T00:00:00Z");
        return Stream.of(
                Arguments.of("blank reference", with(c -> c.reference(" ")), List.of("reference", "reference")),
                Arguments.of("missing reference", with(c -> c.reference(null)), List.of("reference")),
                Arguments.of("reference too long", with(c -> c.reference("A".repeat(101))), List.of("reference")),
                Arguments.of("reference starting with a dash", with(c -> c.reference("-AZ-1")), List.of("reference")),
                Arguments.of("country written out", with(c -> c.country("Germany")), List.of("authority.country")),
                Arguments.of("country not assigned", with(c -> c.country("XX")), List.of("authority.countryAssigned")),
                Arguments.of("country in lower case", with(c -> c.country("de")), List.of("authority.country")),
                Arguments.of("country missing", with(c -> c.country(null)), List.of("authority.country")),
                Arguments.of("bad email", with(c -> c.authority(new Authority("Staatsanwaltschaft Berlin", "DE",
                        "cybercrime at sta.berlin"))), List.of("authority.contactEmail")),
                Arguments.of("blank authority name", with(c -> c.authority(new Authority(" ", "DE", null))),
                        List.of("authority.name")),
                Arguments.of("missing issuer type", with(c -> c.issuer(new Issuer(null, "Amtsgericht Tiergarten"))),
                        List.of("issuer.type")),
                Arguments.of("no targets", with(c -> c.targets(List.of())), List.of("targets")),
                Arguments.of("101 targets", with(c -> c.targets(accounts(101))), List.of("targets")),
                Arguments.of("username without @", with(c -> c.targets(List.of(
                        new TargetSpec(TargetType.ACCOUNT_ID, "100002"),
                        new TargetSpec(TargetType.USERNAME, "example_user")))), List.of("targets[1].valueWellFormed")),
                Arguments.of("phone not E.164", with(c -> c.targets(List.of(new TargetSpec(TargetType.PHONE, "0151 12345678")))),
                        List.of("targets[0].valueWellFormed")),
                Arguments.of("account id not numeric", with(c -> c.targets(List.of(new TargetSpec(TargetType.ACCOUNT_ID, "acc-7")))),
                        List.of("targets[0].valueWellFormed")),
                Arguments.of("target without type", with(c -> c.targets(List.of(new TargetSpec(null, "100002")))),
                        List.of("targets[0].type")),
                Arguments.of("blank target value", with(c -> c.targets(List.of(new TargetSpec(TargetType.USERNAME, "")))),
                        List.of("targets[0].value", "targets[0].valueWellFormed")),
                Arguments.of("period longer than one year", with(c -> c.period(new Period(from,
                        from.plusSeconds(366L * 24 * 3600 + 1)))), List.of("period.atMostOneYear")),
                Arguments.of("period reversed", with(c -> c.period(new Period(from, from.minusSeconds(1)))),
                        List.of("period.chronological")),
                Arguments.of("period of no length", with(c -> c.period(new Period(from, from))),
                        List.of("period.chronological")),
                Arguments.of("period reversed and long", with(c -> c.period(new Period(from, from.minusSeconds(400L * 24 * 3600)))),
                        List.of("period.chronological")),
                Arguments.of("issuedOn in the future", with(c -> c.issuedOn(LocalDate.now().plusDays(2))
                        .validUntil(null).nonDisclosureUntil(null)), List.of("issuedOn")),
                Arguments.of("nonDisclosureUntil before issuedOn", with(c -> c.nonDisclosureUntil(LocalDate.of(2026, 11, 19))),
                        List.of("nonDisclosureAfterIssue")),
                Arguments.of("same target twice", with(c -> c.targets(List.of(new TargetSpec(TargetType.USERNAME, "@example_user"),
                        new TargetSpec(TargetType.PHONE, "+4915112345678"), new TargetSpec(TargetType.USERNAME, "@example_user")))),
                        List.of("targets[2]")),
                Arguments.of("same username in another case", with(c -> c.targets(List.of(
                        new TargetSpec(TargetType.USERNAME, "@Example_User"), new TargetSpec(TargetType.USERNAME, "@example_user")))),
                        List.of("targets[1]")),
                Arguments.of("control character in a name", with(c -> c.issuer(new Issuer(IssuerType.COURT, "Amtsgericht\nTiergarten"))),
                        List.of("issuer.name")),
                Arguments.of("authority name too long", with(c -> c.authority(new Authority("A".repeat(201), "DE", null))),
                        List.of("authority.name")),
                Arguments.of("email too long", with(c -> c.authority(new Authority("Staatsanwaltschaft Berlin", "DE",
                        "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".de"))),
                        List.of("authority.contactEmail")),
                Arguments.of("emergencyFacts too long", with(c -> c.emergency(true, "x".repeat(4001))), List.of("emergencyFacts")),
                Arguments.of("period end missing", with(c -> c.period(new Period(from, null))), List.of("period.to")),
                Arguments.of("validUntil before issuedOn", with(c -> c.validUntil(LocalDate.of(2026, 11, 19))),
                        List.of("validUntilAfterIssue")),
                Arguments.of("emergency without facts", with(c -> c.emergency(true, null)), List.of("emergencyFactsGiven")),
                Arguments.of("emergency with blank facts", with(c -> c.emergency(true, "  ")), List.of("emergencyFactsGiven")),
                Arguments.of("digest too short", with(c -> c.documentSha256(DIGEST.substring(1))), List.of("documentSha256")),
                Arguments.of("digest not hex", with(c -> c.documentSha256(DIGEST.substring(1) + "g")), List.of("documentSha256")),
                Arguments.of("empty dataCategories", with(c -> c.dataCategories(Set.of())), List.of("dataCategories")),
                Arguments.of("missing dataCategories", with(c -> c.dataCategories(null)), List.of("dataCategories")),
                Arguments.of("missing orderType", with(c -> c.orderType(null)), List.of("orderType")),
                Arguments.of("missing issuedOn", with(c -> c.issuedOn(null)), List.of("issuedOn")),
                Arguments.of("missing offence", with(c -> c.offence(null)), List.of("offence")),
                Arguments.of("missing emergency flag", with(c -> c.emergency(null, null)), List.of("emergency")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsAViolationOnItsProperty(String what, OrderSubmission submission, List<String> paths) {
        assertThat(violatedPaths(submission)).as(what).containsExactlyElementsOf(paths);
    }

    @Test
    void violationOfATargetDoesNotEchoItsValue() {
        Set<ConstraintViolation<OrderSubmission>> violations = validator.validate(
                with(c -> c.targets(List.of(new TargetSpec(TargetType.PHONE, "0170 9876543")))));

        assertThat(violations).singleElement().satisfies(v ->
                assertThat(v.getMessage()).contains("E.164").doesNotContain("9876543"));
    }

    @Test
    void aProductionOrderMayReferenceAnEarlierPreservationOrderByItsTrackingNumber() {
        assertThat(violatedPaths(with(c -> c.preservationReference("LO-2026-000123")))).isEmpty();
        assertThat(violatedPaths(with(c -> c.orderType(OrderType.EU_PRODUCTION_ORDER).preservationReference("LO-2026-000123"))))
                .isEmpty();
        for (String malformed : List.of("LO-26-000123", "LO-2026-123", "lo-2026-000123", "AZ-2026-4711", "LO-2026-000123 ", "")) {
            assertThat(violatedPaths(with(c -> c.preservationReference(malformed)))).as(malformed)
                    .containsExactly("preservationReference");
        }
    }

    @Test
    void aPreservationOrderReferencesNoPreservation() {
        for (OrderType type : List.of(OrderType.PRESERVATION_REQUEST, OrderType.EU_PRESERVATION_ORDER)) {
            List<ConstraintViolation<OrderSubmission>> violations = List.copyOf(validator.validate(
                    with(c -> c.orderType(type).preservationReference("LO-2026-000123"))));
            assertThat(violations).singleElement().satisfies(v -> {
                assertThat(ApiProblemHandler.fieldName(v.getPropertyPath().toString())).isEqualTo("preservationReference");
                assertThat(v.getMessage()).contains("only a production order");
            });
            assertThat(violatedPaths(with(c -> c.orderType(type)))).isEmpty();
        }
    }

    @Test
    void severalProblemsAreAllReported() {
        OrderSubmission bad = with(c -> c.reference(null).country("Germany").documentSha256("abc").dataCategories(Set.of()));

        assertThat(violatedPaths(bad)).containsExactly("authority.country", "dataCategories", "documentSha256", "reference");
    }

    @Nested
    class PayloadDigest {

        @Test
        void equalSubmissionsHaveEqualDigests() {
            assertThat(OrderIntakeService.payloadSha256(valid()))
                    .matches("[0-9a-f]{64}")
                    .isEqualTo(OrderIntakeService.payloadSha256(valid()));
        }

        @Test
        void canonicalFormOfTheExampleIsStable() {
            // digests of stored orders rely on it: a change of the canonical form turns resubmissions into conflicts
            assertThat(OrderIntakeService.payloadSha256(valid()))
                    .isEqualTo("e0c678dfe2a09a2e477908ff85c683bd721f74615c0853a4e6696718f03ae7f3");
        }

        @Test
        void orderOfTheDataCategoriesDoesNotMatter() {
            Set<DataCategory> ipFirst = new LinkedHashSet<>(List.of(DataCategory.IP_ADDRESS, DataCategory.PHONE_NUMBER));
            Set<DataCategory> phoneFirst = new LinkedHashSet<>(List.of(DataCategory.PHONE_NUMBER, DataCategory.IP_ADDRESS));
            OrderSubmission a = with(c -> c.dataCategories(ipFirst));
            OrderSubmission b = with(c -> c.dataCategories(phoneFirst));

            assertThat(a).isEqualTo(b);
            assertThat(OrderIntakeService.payloadSha256(a)).isEqualTo(OrderIntakeService.payloadSha256(b));
        }

        static Stream<Arguments> changes() {
            return Stream.of(
                    Arguments.of("reference", with(c -> c.reference("AZ-2026-4712"))),
                    Arguments.of("orderType", with(c -> c.orderType(OrderType.SEARCH_WARRANT))),
                    Arguments.of("authority.name", with(c -> c.authority(new Authority("Staatsanwaltschaft Hamburg", "DE",
                            "cybercrime@sta.berlin.example")))),
                    Arguments.of("authority.country", with(c -> c.country("AT"))),
                    Arguments.of("authority.contactEmail", with(c -> c.authority(new Authority("Staatsanwaltschaft Berlin", "DE",
                            "other@sta.berlin.example")))),
                    Arguments.of("issuer.type", with(c -> c.issuer(new Issuer(IssuerType.JUDGE, "Amtsgericht Tiergarten")))),
                    Arguments.of("issuer.name", with(c -> c.issuer(new Issuer(IssuerType.COURT, "Amtsgericht Moabit")))),
                    Arguments.of("issuedOn", with(c -> c.issuedOn(LocalDate.of(2026, 11, 21)))),
                    Arguments.of("validUntil", with(c -> c.validUntil(LocalDate.of(2027, 2, 21)))),
                    Arguments.of("offence", with(c -> c.offence(Offence.FRAUD))),
                    Arguments.of("suspectConfirmed", with(c -> c.suspectConfirmed(false))),
                    Arguments.of("emergency", with(c -> c.emergency(true, null))),
                    Arguments.of("emergencyFacts", with(c -> c.emergency(false, "facts"))),
                    Arguments.of("target value", with(c -> c.targets(List.of(new TargetSpec(TargetType.USERNAME, "@example_usr"),
                            new TargetSpec(TargetType.PHONE, "+4915112345678"))))),
                    Arguments.of("target type", with(c -> c.targets(List.of(new TargetSpec(TargetType.ACCOUNT_ID, "@example_user"),
                            new TargetSpec(TargetType.PHONE, "+4915112345678"))))),
                    Arguments.of("target order", with(c -> c.targets(List.of(new TargetSpec(TargetType.PHONE, "+4915112345678"),
                            new TargetSpec(TargetType.USERNAME, "@example_user"))))),
                    Arguments.of("dataCategories", with(c -> c.dataCategories(EnumSet.of(DataCategory.IP_ADDRESS)))),
                    Arguments.of("period.from", with(c -> c.period(new Period(Instant.parse("2026-09-01T00:00:01Z"),
                            Instant.parse("2026-11-01T00:00:00Z"))))),
                    Arguments.of("period.to", with(c -> c.period(new Period(Instant.parse("2026-09-01T00:00:00Z"),
                            Instant.parse("2026-11-02T00:00:00Z"))))),
                    Arguments.of("nonDisclosureUntil", with(c -> c.nonDisclosureUntil(LocalDate.of(2027, 5, 21)))),
                    Arguments.of("documentSha256", with(c -> c.documentSha256(DIGEST.replace('9', '8')))),
                    Arguments.of("documentSha256 missing", with(c -> c.documentSha256(null))),
                    Arguments.of("preservationReference", with(c -> c.preservationReference("LO-2026-000123"))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("changes")
        void anyChangedFieldChangesTheDigest(String field, OrderSubmission changed) {
            assertThat(changed).isNotEqualTo(valid());
            assertThat(OrderIntakeService.payloadSha256(changed)).as(field).isNotEqualTo(OrderIntakeService.payloadSha256(valid()));
        }
    }

    /** A changeable copy of the spec's example payload. */
    static final class Change {
        private String reference = "AZ-2026-4711";
        private OrderType orderType = OrderType.COURT_ORDER;
        private Authority authority = new Authority("Staatsanwaltschaft Berlin", "DE", "cybercrime@sta.berlin.example");
        private Issuer issuer = new Issuer(IssuerType.COURT, "Amtsgericht Tiergarten");
        private LocalDate issuedOn = LocalDate.of(2026, 11, 20);
        private LocalDate validUntil = LocalDate.of(2027, 2, 20);
        private Offence offence = Offence.DRUG_TRAFFICKING;
        private Boolean suspectConfirmed = true;
        private Boolean emergency = false;
        private String emergencyFacts;
        private List<TargetSpec> targets = List.of(new TargetSpec(TargetType.USERNAME, "@example_user"),
                new TargetSpec(TargetType.PHONE, "+4915112345678"));
        private Set<DataCategory> dataCategories = EnumSet.of(DataCategory.IP_ADDRESS, DataCategory.PHONE_NUMBER);
        private Period period = new Period(Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"));
        private LocalDate nonDisclosureUntil = LocalDate.of(2027, 5, 20);
        private String documentSha256 = DIGEST;
        private String preservationReference;

        Change(Void nothing) {}

        Change reference(String v) { reference = v; return this; }
        Change orderType(OrderType v) { orderType = v; return this; }
        Change authority(Authority v) { authority = v; return this; }
        Change country(String v) { authority = new Authority(authority.name(), v, authority.contactEmail()); return this; }
        Change issuer(Issuer v) { issuer = v; return this; }
        Change issuedOn(LocalDate v) { issuedOn = v; return this; }
        Change validUntil(LocalDate v) { validUntil = v; return this; }
        Change offence(Offence v) { offence = v; return this; }
        Change suspectConfirmed(Boolean v) { suspectConfirmed = v; return this; }
        Change emergency(Boolean v, String facts) { emergency = v; emergencyFacts = facts; return this; }
        Change targets(List<TargetSpec> v) { targets = v; return this; }
        Change dataCategories(Set<DataCategory> v) { dataCategories = v; return this; }
        Change period(Period v) { period = v; return this; }
        Change nonDisclosureUntil(LocalDate v) { nonDisclosureUntil = v; return this; }
        Change documentSha256(String v) { documentSha256 = v; return this; }
        Change preservationReference(String v) { preservationReference = v; return this; }

        OrderSubmission build() {
            return new OrderSubmission(reference, orderType, authority, issuer, issuedOn, validUntil, offence, suspectConfirmed,
                    emergency, emergencyFacts, targets, dataCategories, period, nonDisclosureUntil, documentSha256,
                    preservationReference);
        }
    }
}
