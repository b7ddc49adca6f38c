package com.disclosuredesk.process;

import static com.disclosuredesk.order.DataCategory.CONTACTS;
import static com.disclosuredesk.order.DataCategory.IP_ADDRESS;
import static com.disclosuredesk.order.DataCategory.PHONE_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.disclosuredesk.order.Target;
import com.disclosuredesk.order.TargetType;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class LegalOrderVariablesTest {

    @Nested
    class Categories {

        @Test
        void jsonArrayString() {
            assertThat(LegalOrderVariables.categories("[\"IP_ADDRESS\", \"PHONE_NUMBER\"]"))
                    .containsExactlyInAnyOrder(IP_ADDRESS, PHONE_NUMBER);
        }

        @Test
        void jsonArrayStringWithSurroundingWhitespace() {
            assertThat(LegalOrderVariables.categories("  [\"PHONE_NUMBER\"]\n")).containsExactly(PHONE_NUMBER);
        }

        @Test
        void emptyJsonArray() {
            assertThat(LegalOrderVariables.categories("[]")).isEmpty();
        }

        @Test
        void spinJsonNode() {
            assertThat(LegalOrderVariables.categories(Spin.JSON("[\"IP_ADDRESS\"]"))).containsExactly(IP_ADDRESS);
            assertThat(LegalOrderVariables.categories(Spin.JSON("[\"PHONE_NUMBER\",\"IP_ADDRESS\"]")))
                    .containsExactlyInAnyOrder(IP_ADDRESS, PHONE_NUMBER);
        }

        @Test
        void javaList() {
            assertThat(LegalOrderVariables.categories(List.of("PHONE_NUMBER", " IP_ADDRESS "))).containsExactlyInAnyOrder(
                    IP_ADDRESS, PHONE_NUMBER);
        }

        @Test
        void listOfEnums() {
            assertThat(LegalOrderVariables.categories(List.of(CONTACTS))).containsExactly(CONTACTS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"IP_ADDRESS, PHONE_NUMBER", "PHONE_NUMBER", "{\"IP_ADDRESS\": true}"})
        void anythingButAJsonArrayIsRefusedNamingTheVariable(String value) {
            assertThatThrownBy(() -> LegalOrderVariables.categories(value))
                    .isInstanceOfSatisfying(InvalidTaskInputException.class,
                            e -> assertThat(e.variable()).isEqualTo("approvedCategories"))
                    .hasMessageContaining("JSON array");
        }

        @Test
        void aSpinObjectIsRefused() {
            assertThatThrownBy(() -> LegalOrderVariables.categories(Spin.JSON("{\"IP_ADDRESS\": true}")))
                    .isInstanceOf(InvalidTaskInputException.class).hasMessageContaining("JSON array");
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   "})
        void nothingIsNoCategory(String value) {
            assertThat(LegalOrderVariables.categories(value)).isEmpty();
        }

        @Test
        void duplicatesCollapse() {
            assertThat(LegalOrderVariables.categories("[\"IP_ADDRESS\",\"IP_ADDRESS\"]")).containsExactly(IP_ADDRESS);
        }

        @Test
        void unknownNamesInAJsonArrayAreRefusedNamingTheVariable() {
            assertThatThrownBy(() -> LegalOrderVariables.categories("[\"IP_ADDRESS\",\"EMAILS\"]"))
                    .isInstanceOfSatisfying(InvalidTaskInputException.class,
                            e -> assertThat(e.variable()).isEqualTo("approvedCategories"))
                    .hasMessageStartingWith("approvedCategories: ")
                    .hasMessageContaining("EMAILS");
        }

        @Test
        void namesAreCaseSensitive() {
            assertThatThrownBy(() -> LegalOrderVariables.categories("[\"IP_ADDRESS\", \"ip_address\"]"))
                    .isInstanceOf(InvalidTaskInputException.class)
                    .hasMessageContaining("approvedCategories")
                    .hasMessageContaining("[ip_address]");
        }

        @Test
        void unknownNamesInASpinNodeAreRefused() {
            assertThatThrownBy(() -> LegalOrderVariables.categories(Spin.JSON("[\"LOCATION\"]")))
                    .isInstanceOf(InvalidTaskInputException.class)
                    .hasMessageContaining("approvedCategories")
                    .hasMessageContaining("LOCATION");
        }

        @Test
        void unknownNamesInAListAreRefused() {
            assertThatThrownBy(() -> LegalOrderVariables.categories(List.of("PHONE_NUMBER", "PASSWORDS")))
                    .isInstanceOf(InvalidTaskInputException.class)
                    .hasMessageContaining("approvedCategories")
                    .hasMessageContaining("PASSWORDS");
        }

        @Test
        void malformedJsonIsRefusedNamingTheVariable() {
            assertThatThrownBy(() -> LegalOrderVariables.categories("[\"IP_ADDRESS\""))
                    .isInstanceOfSatisfying(InvalidTaskInputException.class,
                            e -> assertThat(e.variable()).isEqualTo("approvedCategories"))
                    .hasMessageContaining("is not a JSON array");
        }

        /** Read by the engine's JSON (Spin) since issue 15, as the private mapper read a list of strings before. */
        @Test
        void elementsThatAreNoTextsAreRefusedAsTheListOfStringsRefusedThem() {
            assertThatThrownBy(() -> LegalOrderVariables.categories("[{\"category\":\"IP_ADDRESS\"}]"))
                    .isInstanceOf(InvalidTaskInputException.class).hasMessageContaining("is not a JSON array");
            assertThatThrownBy(() -> LegalOrderVariables.categories("[[\"IP_ADDRESS\"]]"))
                    .isInstanceOf(InvalidTaskInputException.class).hasMessageContaining("is not a JSON array");
            // a number or null was read as the text "1" or "null": an unknown category, named
            assertThatThrownBy(() -> LegalOrderVariables.categories("[\"IP_ADDRESS\", 1, null]"))
                    .isInstanceOf(InvalidTaskInputException.class).hasMessageContaining("1").hasMessageContaining("null");
            assertThat(LegalOrderVariables.textsOf(Spin.JSON("[\"IP_ADDRESS\", 7, true, null]")))
                    .containsExactly("IP_ADDRESS", "7", "true", null);
        }

        @Test
        void spinObjectIsRefused() {
            assertThatThrownBy(() -> LegalOrderVariables.categories(Spin.JSON("{\"category\":\"IP_ADDRESS\"}")))
                    .isInstanceOf(InvalidTaskInputException.class)
                    .hasMessageContaining("approvedCategories");
        }
    }

    @Nested
    class TargetsSummary {

        @Test
        void usernamesAndAccountIdsAreShownPhoneNumbersMasked() {
            String summary = LegalOrderVariables.targetsSummary(List.of(
                    new Target(TargetType.USERNAME, "@example_user"),
                    new Target(TargetType.PHONE, "+4915112345678"),
                    new Target(TargetType.ACCOUNT_ID, "100002")));

            assertThat(summary.lines().toList()).hasSize(3);
            assertThat(summary.lines().toList().get(0)).isEqualTo("username: @example_user");
            assertThat(summary.lines().toList().get(1)).startsWith("phone: ");
            assertThat(summary.lines().toList().get(2)).isEqualTo("account id: 100002");
            assertThat(summary).doesNotContain("+4915112345678").doesNotContain("4915112345678").doesNotContain("1511234");
        }

        @Test
        void maskedPhoneKeepsOnlyItsEnds() {
            String summary = LegalOrderVariables.targetsSummary(List.of(new Target(TargetType.PHONE, "+4915112345678")));

            assertThat(summary).isEqualTo("phone: +49" + "\u2022".repeat(8) + "678");
        }

        @Test
        void noTargetsNoText() {
            assertThat(LegalOrderVariables.targetsSummary(List.of())).isEmpty();
        }
    }

    @Nested
    class Outcome {

        private final Map<String, Object> values = new HashMap<>();
        private final LegalOrderVariables variables = LegalOrderVariables.of(mapScope(values));

        @ParameterizedTest
        @EnumSource(OrderOutcome.class)
        void disclosureOutcomeDecides(OrderOutcome disclosed) {
            values.put("validityOutcome", "INVALID");
            values.put("disclosureOutcome", disclosed.name());

            assertThat(variables.outcome()).isEqualTo(disclosed);
        }

        @Test
        void validOrderWithoutDisclosureWasRejected() {
            values.put("validityOutcome", "VALID");

            assertThat(variables.outcome()).isEqualTo(OrderOutcome.REJECTED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"INVALID", "INCOMPLETE"})
        void orderThatWasNotValidEndsInvalid(String validity) {
            values.put("validityOutcome", validity);

            assertThat(variables.outcome()).isEqualTo(OrderOutcome.INVALID);
        }

        @Test
        void orderWithoutValidityCheckEndsInvalid() {
            assertThat(variables.outcome()).isEqualTo(OrderOutcome.INVALID);
        }

        @Test
        void blankDisclosureOutcomeIsIgnored() {
            values.put("disclosureOutcome", " ");
            values.put("validityOutcome", "VALID");

            assertThat(variables.outcome()).isEqualTo(OrderOutcome.REJECTED);
        }

        @Test
        void unknownDisclosureOutcomeIsRefusedNamingTheVariable() {
            values.put("disclosureOutcome", "LEAKED");

            assertThatThrownBy(variables::outcome)
                    .isInstanceOfSatisfying(InvalidTaskInputException.class,
                            e -> assertThat(e.variable()).isEqualTo("disclosureOutcome"))
                    .hasMessageContaining("LEAKED");
        }

        @Test
        void setDisclosureThenOutcome() {
            variables.setValidity("VALID", List.of());
            variables.setDisclosure("d-1", "ab".repeat(32), OrderOutcome.NO_DATA, 0, 0);

            assertThat(variables.outcome()).isEqualTo(OrderOutcome.NO_DATA);
            assertThat(variables.usersAffected()).isZero();
        }

        @Test
        void setValidityJoinsReasonsByLine() {
            variables.setValidity("INVALID", List.of("First reason.", "Second reason."));

            assertThat(variables.validityOutcome()).isEqualTo("INVALID");
            assertThat(variables.validityReasonsText()).isEqualTo("First reason.\nSecond reason.");
        }

        @Test
        void removePersonalInputRemovesTheTargetList() {
            values.put("targetList", "+4915112345678");
            values.put("trackingNumber", "LO-2026-000001");

            variables.removePersonalInput();

            assertThat(values).containsOnlyKeys("trackingNumber");
        }
    }

    /** A map-backed scope: getVariable, setVariable and removeVariable; anything else is not expected here. */
    private static VariableScope mapScope(Map<String, Object> values) {
        List<String> supported = new ArrayList<>(List.of("getVariable", "setVariable", "removeVariable"));
        return (VariableScope) Proxy.newProxyInstance(VariableScope.class.getClassLoader(), new Class<?>[] {VariableScope.class},
                (proxy, method, args) -> {
                    if (!supported.contains(method.getName()) || args == null || args.length == 0
                            || !(args[0] instanceof String name)) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    return switch (method.getName()) {
                        case "getVariable" -> values.get(name);
                        case "setVariable" -> {
                            values.put(name, args[1]);
                            yield null;
                        }
                        default -> {
                            values.remove(name);
                            yield null;
                        }
                    };
                });
    }

    @Test
    void aTaskWhoseExecutionIsGoneIsALostRace() {
        assertThatThrownBy(() -> LegalOrderVariables.of(null))
                .isInstanceOf(org.camunda.bpm.engine.OptimisticLockingException.class).hasMessageContaining("concurrently");
    }

    @Test
    void categoriesOfEveryFormAgree() {
        Set<?> fromJson = LegalOrderVariables.categories("[\"IP_ADDRESS\",\"PHONE_NUMBER\"]");

        assertThat(LegalOrderVariables.categories(Spin.JSON("[\"IP_ADDRESS\",\"PHONE_NUMBER\"]"))).isEqualTo(fromJson);
        assertThat(LegalOrderVariables.categories(List.of("IP_ADDRESS", "PHONE_NUMBER"))).isEqualTo(fromJson);
    }
}
