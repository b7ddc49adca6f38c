package com.disclosuredesk.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderType;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The authority's answer to a clarification request: a text, and optionally corrected fields of the order.
 * Corrections replace the field as a whole (targets replace all targets). Reference, authority and the reference
 * to a preservation order cannot change.
 */
public record Clarification(
        @NotBlank @Size(max = 4000) String text,
        @Valid Corrections corrections) {

    public record Corrections(
            OrderType orderType,
            OrderSubmission.Issuer issuer,
            LocalDate issuedOn,
            LocalDate validUntil,
            Offence offence,
            Boolean suspectConfirmed,
            Boolean emergency,
            String emergencyFacts,
            List<OrderSubmission.TargetSpec> targets,
            Set<DataCategory> dataCategories,
            OrderSubmission.Period period,
            LocalDate nonDisclosureUntil,
            String documentSha256) {

        /** The names of the fields this correction sets. */
        List<String> fieldNames() {
            return java.util.Arrays.stream(Corrections.class.getRecordComponents())
                    .filter(c -> {
                        try {
                            return c.getAccessor().invoke(this) != null;
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .map(java.lang.reflect.RecordComponent::getName)
                    .toList();
        }

        OrderSubmission applyTo(OrderSubmission o) {
            return new OrderSubmission(o.reference(), or(orderType, o.orderType()), o.authority(), or(issuer, o.issuer()),
                    or(issuedOn, o.issuedOn()), or(validUntil, o.validUntil()), or(offence, o.offence()),
                    or(suspectConfirmed, o.suspectConfirmed()), or(emergency, o.emergency()),
                    or(emergencyFacts, o.emergencyFacts()), or(targets, o.targets()), or(dataCategories, o.dataCategories()),
                    or(period, o.period()), or(nonDisclosureUntil, o.nonDisclosureUntil()), or(documentSha256, o.documentSha256()),
                    o.preservationReference());
        }

        private static <T> T or(T correction, T original) {
            return correction != null ? correction : original;
        }
    }
}
