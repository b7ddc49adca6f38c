package com.disclosuredesk.intake;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.disclosuredesk.order.LegalOrder;

/** Between the stored order and the payload form of it: for corrections and for naming differences. */
final class SubmissionMapping {

    private SubmissionMapping() {}

    /** The stored order, written as the payload that would create it. */
    static OrderSubmission toSubmission(LegalOrder order) {
        return new OrderSubmission(order.reference(), order.orderType(),
                new OrderSubmission.Authority(order.authority().name(), order.authority().country(),
                        order.authority().contactEmail()),
                new OrderSubmission.Issuer(order.issuer().type(), order.issuer().name()),
                order.issuedOn(), order.validUntil(), order.offence(), order.suspectConfirmed(), order.emergency(),
                order.emergencyFacts(),
                order.targets().stream().map(t -> new OrderSubmission.TargetSpec(t.type(), t.value())).toList(),
                Set.copyOf(order.dataCategories()),
                new OrderSubmission.Period(order.periodFrom(), order.periodTo()),
                order.nonDisclosureUntil(), order.documentSha256(), order.preservationReference());
    }

    /** The names of the top-level payload fields whose values differ; never the values themselves. */
    static List<String> differingFields(OrderSubmission stored, OrderSubmission submitted) {
        List<String> fields = new ArrayList<>();
        for (RecordComponent component : OrderSubmission.class.getRecordComponents()) {
            Object a = value(component, stored);
            Object b = value(component, submitted);
            if (!Objects.equals(normalize(a), normalize(b))) {
                fields.add(component.getName());
            }
        }
        return fields;
    }

    private static Object normalize(Object value) {
        if (value instanceof String s) {
            String trimmed = s.trim();
            return trimmed.isEmpty() ? null : trimmed.toLowerCase();
        }
        if (value instanceof OrderSubmission.Authority a) {
            return new OrderSubmission.Authority(a.name() == null ? null : a.name().trim().replaceAll("\\s+", " ").toLowerCase(),
                    a.country(), a.contactEmail());
        }
        if (value instanceof OrderSubmission.Issuer i) {
            return new OrderSubmission.Issuer(i.type(), i.name() == null ? null : i.name().trim());
        }
        return value;
    }

    private static Object value(RecordComponent component, OrderSubmission submission) {
        try {
            return component.getAccessor().invoke(submission);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
