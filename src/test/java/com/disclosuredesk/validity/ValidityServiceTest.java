package com.disclosuredesk.validity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.Target;
import com.disclosuredesk.order.TargetType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The validity check: the real policy table plus the checks in Java (dates, period, targets). */
class ValidityServiceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static ValidityService service;

    @BeforeAll
    static void service() {
        service = new ValidityService(new DmnFilePolicyTable());
    }

    /** The spec's example: a court order for a username and a phone number, issued 10 days ago. */
    private static Builder order() {
        return new Builder();
    }

    @Test
    void goodOrderIsValidWithoutReasons() {
        ValidityResult result = service.check(order().build(), TODAY);

        assertThat(result.outcome()).isEqualTo(ValidityOutcome.VALID);
        assertThat(result.reasons()).isEmpty();
    }

    @Test
    void orderValidUntilTodayIsStillValid() {
        assertThat(service.check(order().validUntil(TODAY).issuedOn(TODAY).build(), TODAY).outcome())
                .isEqualTo(ValidityOutcome.VALID);
    }

    @Test
    void orderWithoutValidUntilIsValid() {
        assertThat(service.check(order().validUntil(null).build(), TODAY).outcome()).isEqualTo(ValidityOutcome.VALID);
    }

    @Test
    void expiredOrderIsInvalidAndNamesTheDate() {
        ValidityResult result = service.check(order().validUntil(LocalDate.of(2026, 11, 30)).build(), TODAY);

        assertThat(result.outcome()).isEqualTo(ValidityOutcome.INVALID);
        assertThat(result.reasons()).singleElement().asString().contains("expired").contains("2026-11-30");
    }

    @Test
    void orderIssuedInTheFutureIsInvalid() {
        ValidityResult result = service.check(order().issuedOn(TODAY.plusDays(1)).build(), TODAY);

        assertThat(result.outcome()).isEqualTo(ValidityOutcome.INVALID);
        assertThat(result.reasons()).singleElement().asString().contains("2026-12-02").contains("future");
    }

    @Test
    void orderValidUntilBeforeItWasIssuedIsInvalid() {
        ValidityResult result = service.check(
                order().issuedOn(TODAY.minusDays(1)).validUntil(TODAY.minusDays(2)).build(), TODAY);

        assertThat(result.outcome()).isEqualTo(ValidityOutcome.INVALID);
        assertThat(result.reasons()).containsExactly(
                "The order expired on " + TODAY.minusDays(2) + ".",
                "The order is valid until a date before it was issued.");
    }

    @Test
    void periodOfExactlyOneLeapYearIsAllowed() {
        Instant from = Instant.parse("2025-12-01T00:00:00Z");
        ValidityResult result = service.check(order().period(from, from.plus(366, ChronoUnit.DAYS)).build(), TODAY);

        assertThat(result.outcome()).isEqualTo(ValidityOutcome.VALID);
    }

    @Test
    void periodLongerThanOneYearIsInvalid() {
        Instant from = Instant.parse("2025-06-01T00:00:00Z");
        ValidityResult result = service.check(order().period(from, from.plus(366, ChronoUnit.DAYS).plusSeconds(1)).build(), TODAY);

        assertThat(result.outcome()).isEqualTo(ValidityOutcome.INVALID);
        assertThat(result.reasons()).singleElement().asString().contains("longer than one year");
    }

    @Test
    void periodEndingBeforeItStartsIsInvalid() {
        ValidityResult result = service.check(
                order().period(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-09-01T00:00:00Z")).build(), TODAY);

        assertThat(result.outcome()).isEqualTo(ValidityOutcome.INVALID);
        assertThat(result.reasons()).singleElement().asString().contains("ends before it starts");
    }

    @Test
    void emptyPeriodIsInvalid() {
        Instant at = Instant.parse("2026-11-01T00:00:00Z");
        ValidityResult result = service.check(order().period(at, at).build(), TODAY);

        assertThat(result.reasons()).singleElement().asString().contains("ends before it starts");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "USERNAME,   example_user",
            "USERNAME,   @ab",
            "USERNAME,   @1abc",
            "PHONE,      015112345678",
            "PHONE,      +49 151 12345678",
            "PHONE,      +0151123456",
            "ACCOUNT_ID, 12ab34",
            "ACCOUNT_ID, 0123",
    })
    void impreciseTargetIsInvalidByPositionWithoutItsValue(TargetType type, String value) {
        List<Target> targets = List.of(
                new Target(TargetType.USERNAME, "@example_user"),
                new Target(TargetType.ACCOUNT_ID, "100002"),
                new Target(type, value));

        ValidityResult result = service.check(order().targets(targets).build(), TODAY);

        assertThat(result.outcome()).isEqualTo(ValidityOutcome.INVALID);
        assertThat(result.reasons()).singleElement().asString()
                .startsWith("Target 3 ")
                .contains(type.name().toLowerCase())
                .doesNotContain(value.strip());
    }

    @Test
    void everyImpreciseTargetIsNamedByItsPosition() {
        List<Target> targets = List.of(
                new Target(TargetType.PHONE, "0049-151-12345678"),
                new Target(TargetType.USERNAME, "@example_user"),
                new Target(TargetType.ACCOUNT_ID, "account-7"));

        ValidityResult result = service.check(order().targets(targets).build(), TODAY);

        assertThat(result.reasons()).hasSize(2);
        assertThat(result.reasons().get(0)).startsWith("Target 1 ").contains("phone").doesNotContain("0049-151-12345678");
        assertThat(result.reasons().get(1)).startsWith("Target 3 ").contains("account_id").doesNotContain("account-7");
    }

    @Test
    void targetWithoutValueIsImprecise() {
        ValidityResult result = service.check(order().targets(List.of(new Target(TargetType.USERNAME, null))).build(), TODAY);

        assertThat(result.reasons()).singleElement().asString().startsWith("Target 1 ");
    }

    @Test
    void oneHundredTargetsAreAllowed() {
        assertThat(service.check(order().targets(accounts(100)).build(), TODAY).outcome()).isEqualTo(ValidityOutcome.VALID);
    }

    @Test
    void moreThanOneHundredTargetsAreInvalid() {
        ValidityResult result = service.check(order().targets(accounts(101)).build(), TODAY);

        assertThat(result.outcome()).isEqualTo(ValidityOutcome.INVALID);
        assertThat(result.reasons()).singleElement().asString().contains("101 targets").contains("at most 100");
    }

    @Test
    void orderWithoutTargetsIsInvalid() {
        ValidityResult result = service.check(order().targets(List.of()).build(), TODAY);

        assertThat(result.outcome()).isEqualTo(ValidityOutcome.INVALID);
        assertThat(result.reasons()).singleElement().asString().contains("no target");
    }

    @Test
    void policyFindingsComeFromTheTable() {
        ValidityResult result = service.check(order().issuer(IssuerType.POLICE).build(), TODAY);

        assertThat(result.outcome()).isEqualTo(ValidityOutcome.INVALID);
        assertThat(result.reasons()).singleElement().asString().contains("police");
    }

    @Test
    void outOfPolicyCategoriesAreNamedSorted() {
        ValidityResult result = service.check(order().categories(EnumSet.of(DataCategory.IP_ADDRESS,
                DataCategory.MESSAGE_CONTENT, DataCategory.CONTACTS)).build(), TODAY);

        assertThat(result.outcome()).isEqualTo(ValidityOutcome.INVALID);
        assertThat(result.reasons()).singleElement().asString().contains("asks for CONTACTS, MESSAGE_CONTENT.");
    }

    @Test
    void missingDigestAloneIsIncomplete() {
        ValidityResult result = service.check(order().documentSha256(null).build(), TODAY);

        assertThat(result.outcome()).isEqualTo(ValidityOutcome.INCOMPLETE);
        assertThat(result.reasons()).singleElement().asString().contains("SHA-256");
    }

    @Test
    void blankDigestAndBlankEmergencyFactsAreIncomplete() {
        ValidityResult result = service.check(order().documentSha256("  ").emergency(true, " ").build(), TODAY);

        assertThat(result.outcome()).isEqualTo(ValidityOutcome.INCOMPLETE);
        assertThat(result.reasons()).hasSize(2)
                .anySatisfy(r -> assertThat(r).contains("SHA-256"))
                .anySatisfy(r -> assertThat(r).contains("facts of the danger"));
    }

    @Test
    void invalidWinsOverIncomplete() {
        ValidityResult result = service.check(order().documentSha256(null).validUntil(TODAY.minusDays(1)).build(), TODAY);

        assertThat(result.outcome()).isEqualTo(ValidityOutcome.INVALID);
        assertThat(result.reasons()).hasSize(2)
                .anySatisfy(r -> assertThat(r).contains("SHA-256"))
                .anySatisfy(r -> assertThat(r).contains("expired"));
    }

    @Test
    void reasonsOfTheTableAndOfJavaAreCombinedInOrder() {
        ValidityResult result = service.check(order().offence(Offence.DEFAMATION).issuedOn(TODAY.plusDays(2))
                .validUntil(TODAY.plusDays(30)).targets(List.of(new Target(TargetType.PHONE, "12345"))).build(), TODAY);

        assertThat(result.outcome()).isEqualTo(ValidityOutcome.INVALID);
        assertThat(result.reasons()).hasSize(3);
        assertThat(result.reasons().get(0)).contains("DEFAMATION");
        assertThat(result.reasons().get(1)).contains("future");
        assertThat(result.reasons().get(2)).startsWith("Target 1 ");
    }

    @Test
    void combinationOfFindings() {
        Finding invalid = new Finding(ValidityOutcome.INVALID, "refused");
        Finding incomplete = new Finding(ValidityOutcome.INCOMPLETE, "missing");

        assertThat(ValidityResult.of(List.of()).outcome()).isEqualTo(ValidityOutcome.VALID);
        assertThat(ValidityResult.of(List.of(incomplete)).outcome()).isEqualTo(ValidityOutcome.INCOMPLETE);
        assertThat(ValidityResult.of(List.of(incomplete, invalid)).outcome()).isEqualTo(ValidityOutcome.INVALID);
        assertThat(ValidityResult.of(List.of(invalid, incomplete)).reasons()).containsExactly("refused", "missing");
    }

    @Test
    void equalReasonsAreReportedOnce() {
        ValidityService twice = new ValidityService(facts -> List.of(
                new Finding(ValidityOutcome.INCOMPLETE, "The same reason."),
                new Finding(ValidityOutcome.INCOMPLETE, "The same reason.")));

        ValidityResult result = twice.check(order().build(), TODAY);

        assertThat(result.outcome()).isEqualTo(ValidityOutcome.INCOMPLETE);
        assertThat(result.reasons()).containsExactly("The same reason.");
    }

    @Test
    void factsOfTheOrderAreWhatTheTableReads() {
        PolicyFacts facts = ValidityService.factsOf(order().issuer(IssuerType.INVESTIGATING_JUDGE)
                .categories(EnumSet.of(DataCategory.USERNAME_HISTORY, DataCategory.PHONE_NUMBER, DataCategory.CONTACTS))
                .emergency(true, "A hostage situation.").documentSha256(null).build());

        assertThat(facts).isEqualTo(new PolicyFacts("INVESTIGATING_JUDGE", "COURT_ORDER", "DRUG_TRAFFICKING", true, true,
                true, false, "CONTACTS, USERNAME_HISTORY"));
    }

    private static List<Target> accounts(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> new Target(TargetType.ACCOUNT_ID, Integer.toString(100_000 + i)))
                .toList();
    }

    /** Builds {@link LegalOrder} records, starting from the spec's example order. */
    private static final class Builder {
        private OrderType orderType = OrderType.COURT_ORDER;
        private IssuerType issuer = IssuerType.COURT;
        private LocalDate issuedOn = TODAY.minusDays(10);
        private LocalDate validUntil = TODAY.plusDays(80);
        private Offence offence = Offence.DRUG_TRAFFICKING;
        private boolean emergency;
        private String emergencyFacts;
        private List<Target> targets = List.of(new Target(TargetType.USERNAME, "@example_user"),
                new Target(TargetType.PHONE, "+4915112345678"));
        private Set<DataCategory> categories = EnumSet.of(DataCategory.IP_ADDRESS, DataCategory.PHONE_NUMBER);
        private Instant periodFrom = Instant.parse("2026-09-01T00:00:00Z");
        private Instant periodTo = Instant.parse("2026-11-01T00:00:00Z");
        private String documentSha256 = DIGEST;

        Builder issuer(IssuerType v) { issuer = v; return this; }
        Builder issuedOn(LocalDate v) { issuedOn = v; return this; }
        Builder validUntil(LocalDate v) { validUntil = v; return this; }
        Builder offence(Offence v) { offence = v; return this; }
        Builder emergency(boolean v, String facts) { emergency = v; emergencyFacts = facts; return this; }
        Builder targets(List<Target> v) { targets = v; return this; }
        Builder categories(Set<DataCategory> v) { categories = v; return this; }
        Builder period(Instant from, Instant to) { periodFrom = from; periodTo = to; return this; }
        Builder documentSha256(String v) { documentSha256 = v; return this; }

        LegalOrder build() {
            return new LegalOrder("LO-2026-000001", "AZ-2026-4711", "police-de", LegalOrder.Channel.API, orderType,
                    new LegalOrder.Authority("Staatsanwaltschaft Berlin", "DE", "cybercrime@sta.berlin.example"),
                    new LegalOrder.Issuer(issuer, "Amtsgericht Tiergarten"), issuedOn, validUntil, offence, true, emergency,
                    emergencyFacts, targets, Set.copyOf(categories), periodFrom, periodTo, TODAY.plusDays(170), documentSha256,
                    OrderStatus.RECEIVED, NOW);
        }
    }
}
