package com.disclosuredesk.intake;

import com.disclosuredesk.web.FieldProblem;

import static com.disclosuredesk.order.DataCategory.CONTACTS;
import static com.disclosuredesk.order.DataCategory.IP_ADDRESS;
import static com.disclosuredesk.order.DataCategory.PHONE_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.disclosuredesk.intake.OrderSubmission.TargetSpec;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.TargetType;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StartFormOrderMapperTest {

    private static final String DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /** The spec's example order as the start form submits it. */
    private static Map<String, Object> form() {
        Map<String, Object> form = new HashMap<>();
        form.put("orderReference", " AZ-2026-4711 ");
        form.put("orderType", "COURT_ORDER");
        form.put("authorityName", "Staatsanwaltschaft Berlin");
        form.put("authorityCountry", "de");
        form.put("authorityContactEmail", "cybercrime@sta.berlin.example");
        form.put("issuerType", "COURT");
        form.put("issuerName", "Amtsgericht Tiergarten");
        form.put("issuedOn", "2026-11-20");
        form.put("validUntil", "2027-02-20");
        form.put("offence", "DRUG_TRAFFICKING");
        form.put("suspectConfirmed", true);
        form.put("emergency", "false");
        form.put("emergencyFacts", "  ");
        form.put("targetList", "@example_user\n+49 151 1234-5678\n100002");
        form.put("dataCategories", "[\"IP_ADDRESS\",\"PHONE_NUMBER\"]");
        form.put("periodFrom", "2026-09-01");
        form.put("periodTo", "2026-10-31");
        form.put("nonDisclosureUntil", "2027-05-20");
        form.put("documentSha256", DIGEST);
        return form;
    }

    private static OrderInputException refused(Map<String, Object> form) {
        OrderInputException e = catchThrowableOfType(() -> StartFormOrderMapper.toSubmission(form), OrderInputException.class);
        assertThat(e).as("OrderInputException").isNotNull();
        return e;
    }

    @Test
    void mapsTheWholeForm() {
        OrderSubmission s = StartFormOrderMapper.toSubmission(form());

        assertThat(s.reference()).isEqualTo("AZ-2026-4711");
        assertThat(s.orderType()).isEqualTo(OrderType.COURT_ORDER);
        assertThat(s.authority()).isEqualTo(new OrderSubmission.Authority("Staatsanwaltschaft Berlin", "DE",
                "cybercrime@sta.berlin.example"));
        assertThat(s.issuer()).isEqualTo(new OrderSubmission.Issuer(IssuerType.COURT, "Amtsgericht Tiergarten"));
        assertThat(s.issuedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(s.validUntil()).isEqualTo(LocalDate.of(2027, 2, 20));
        assertThat(s.offence()).isEqualTo(Offence.DRUG_TRAFFICKING);
        assertThat(s.suspectConfirmed()).isTrue();
        assertThat(s.emergency()).isFalse();
        assertThat(s.emergencyFacts()).isNull();
        assertThat(s.targets()).containsExactly(
                new TargetSpec(TargetType.USERNAME, "@example_user"),
                new TargetSpec(TargetType.PHONE, "+4915112345678"),
                new TargetSpec(TargetType.ACCOUNT_ID, "100002"));
        assertThat(s.dataCategories()).containsExactlyInAnyOrder(IP_ADDRESS, PHONE_NUMBER);
        assertThat(s.nonDisclosureUntil()).isEqualTo(LocalDate.of(2027, 5, 20));
        assertThat(s.documentSha256()).isEqualTo(DIGEST);
    }

    @Test
    void periodGivenInDaysIncludesItsLastDayInUtc() {
        OrderSubmission s = StartFormOrderMapper.toSubmission(form());

        assertThat(s.period().from()).isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
        assertThat(s.period().to()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void periodEndAtTheEndOfAYearRollsOverToTheNextYear() {
        Map<String, Object> form = form();
        form.put("periodFrom", "2026-12-31");
        form.put("periodTo", "2026-12-31");

        OrderSubmission s = StartFormOrderMapper.toSubmission(form);

        assertThat(s.period().from()).isEqualTo(Instant.parse("2026-12-31T00:00:00Z"));
        assertThat(s.period().to()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void periodGivenAsInstantsIsTakenExactly() {
        Map<String, Object> form = form();
        form.put("periodFrom", "2026-09-01T08:30:00Z");
        form.put("periodTo", "2026-10-31T17:45:10Z");

        OrderSubmission s = StartFormOrderMapper.toSubmission(form);

        assertThat(s.period().from()).isEqualTo(Instant.parse("2026-09-01T08:30:00Z"));
        assertThat(s.period().to()).isEqualTo(Instant.parse("2026-10-31T17:45:10Z"));
    }

    @Test
    void datesAreAlsoAcceptedAsDateObjectsAndDateTimes() {
        Map<String, Object> form = form();
        form.put("issuedOn", Date.from(Instant.parse("2026-11-20T23:30:00Z")));
        form.put("validUntil", "2027-02-20T00:00:00");

        OrderSubmission s = StartFormOrderMapper.toSubmission(form);

        assertThat(s.issuedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(s.validUntil()).isEqualTo(LocalDate.of(2027, 2, 20));
    }

    @Test
    void emptyOptionalFieldsAreNull() {
        Map<String, Object> form = form();
        form.put("validUntil", "");
        form.remove("nonDisclosureUntil");
        form.put("documentSha256", " ");

        OrderSubmission s = StartFormOrderMapper.toSubmission(form);

        assertThat(s.validUntil()).isNull();
        assertThat(s.nonDisclosureUntil()).isNull();
        assertThat(s.documentSha256()).isNull();
    }

    @Test
    void missingBooleansAreFalse() {
        Map<String, Object> form = form();
        form.remove("suspectConfirmed");
        form.put("emergency", "true");

        OrderSubmission s = StartFormOrderMapper.toSubmission(form);

        assertThat(s.suspectConfirmed()).isFalse();
        assertThat(s.emergency()).isTrue();
    }

    @Test
    void targetListRecognisesEachKindOfTarget() {
        List<TargetSpec> targets = StartFormOrderMapper.targets("""
                @demo0001
                  100002
                +49 151 1234-5678

                0049 151 12345678
                +33 6 12 34 56 78\r
                """);

        assertThat(targets).extracting(TargetSpec::type, TargetSpec::value).containsExactly(
                tuple(TargetType.USERNAME, "@demo0001"),
                tuple(TargetType.ACCOUNT_ID, "100002"),
                tuple(TargetType.PHONE, "+4915112345678"),
                tuple(TargetType.PHONE, "+4915112345678"),
                tuple(TargetType.PHONE, "+33612345678"));
    }

    @Test
    void phoneNumberThatCannotBeNormalizedIsKeptForValidationToRefuse() {
        assertThat(StartFormOrderMapper.targets("+49 (abc)")).containsExactly(new TargetSpec(TargetType.PHONE, "+49 (abc)"));
    }

    @Test
    void noTargetListNoTargets() {
        assertThat(StartFormOrderMapper.targets(null)).isEmpty();
        assertThat(StartFormOrderMapper.targets(" \n \n")).isEmpty();
        Map<String, Object> form = form();
        form.remove("targetList");
        assertThat(StartFormOrderMapper.toSubmission(form).targets()).isEmpty();
    }

    @Test
    void dataCategoriesFromJsonString() {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(StartFormOrderMapper.categories("[\"PHONE_NUMBER\"]", problems)).containsExactly(PHONE_NUMBER);
        assertThat(problems).isEmpty();
    }

    @Test
    void dataCategoriesFromList() {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(StartFormOrderMapper.categories(List.of("IP_ADDRESS", "CONTACTS"), problems))
                .containsExactlyInAnyOrder(IP_ADDRESS, CONTACTS);
        assertThat(problems).isEmpty();
    }

    @Test
    void dataCategoriesFromCommaString() {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(StartFormOrderMapper.categories("IP_ADDRESS , PHONE_NUMBER", problems))
                .containsExactlyInAnyOrder(IP_ADDRESS, PHONE_NUMBER);
        assertThat(problems).isEmpty();
    }

    @Test
    void dataCategoriesFromSpinJson() {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(StartFormOrderMapper.categories(Spin.JSON("[\"IP_ADDRESS\"]"), problems)).containsExactly(IP_ADDRESS);
        assertThat(problems).isEmpty();
    }

    @Test
    void noDataCategoriesIsAnEmptySet() {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(StartFormOrderMapper.categories(null, problems)).isEmpty();
        assertThat(StartFormOrderMapper.categories("", problems)).isEmpty();
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "orderType          | Gerichtsbeschluss",
            "orderType          | court_order",
            "issuerType         | Staatsanwalt",
            "offence            | Schwarzfahren",
            "issuedOn           | 20.11.2026",
            "validUntil         | 2027-02-30",
            "nonDisclosureUntil | someday",
            "periodFrom         | 01/09/2026",
            "periodTo           | 2026-10-31T25:00:00Z",
            "dataCategories     | [\"IP_ADDRESS\",\"SECRETS\"]",
            "dataCategories     | WHEREABOUTS",
            "dataCategories     | [\"IP_ADDRESS\"",
    })
    void invalidValueIsRefusedNamingTheFieldWithoutTheValue(String field, String typed) {
        Map<String, Object> form = form();
        form.put(field, typed);

        OrderInputException e = refused(form);

        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly(field);
        assertThat(e.getMessage()).startsWith("The order cannot be registered: " + field + " ").doesNotContain(typed);
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).doesNotContain(typed));
    }

    @Test
    void everyInvalidFieldIsNamed() {
        Map<String, Object> form = form();
        form.put("orderType", "ORDER_66");
        form.put("issuedOn", "yesterday");
        form.put("periodTo", "tomorrow");

        OrderInputException e = refused(form);

        assertThat(e.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("orderType", "issuedOn", "periodTo");
        assertThat(e.getMessage()).contains("orderType").contains("issuedOn").contains("periodTo")
                .doesNotContain("ORDER_66").doesNotContain("yesterday").doesNotContain("tomorrow");
    }

    @Test
    void targetValuesNeverAppearInAnError() {
        Map<String, Object> form = form();
        form.put("targetList", "+49 151 1234-5678\n+4915199999999");
        form.put("issuedOn", "bad");

        OrderInputException e = refused(form);

        assertThat(e.getMessage()).doesNotContain("151").doesNotContain("+49");
    }
}
