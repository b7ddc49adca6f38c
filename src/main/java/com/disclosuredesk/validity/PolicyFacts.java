package com.disclosuredesk.validity;

import java.util.LinkedHashMap;
import java.util.Map;

/** The inputs of the decision table {@code order-validity}; names match the table's input expressions. */
public record PolicyFacts(
        String issuerType,
        String orderType,
        String offence,
        boolean suspectConfirmed,
        boolean emergency,
        boolean emergencyFactsGiven,
        boolean documentDigestGiven,
        String outOfPolicyCategories) {

    public Map<String, Object> asVariables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("issuerType", issuerType);
        variables.put("orderType", orderType);
        variables.put("offence", offence);
        variables.put("suspectConfirmed", suspectConfirmed);
        variables.put("emergency", emergency);
        variables.put("emergencyFactsGiven", emergencyFactsGiven);
        variables.put("documentDigestGiven", documentDigestGiven);
        variables.put("outOfPolicyCategories", outOfPolicyCategories);
        return variables;
    }
}
