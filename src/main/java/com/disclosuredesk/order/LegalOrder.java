package com.disclosuredesk.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A legal order as the platform stored it. Targets are personal data: the order record holds them,
 * process variables never do. {@code preservationReference}: the tracking number of an earlier preservation order
 * of the same intake account that this (production) order builds on, or {@code null}.
 */
public record LegalOrder(
        String trackingNumber,
        String reference,
        String submittedBy,
        Channel channel,
        OrderType orderType,
        Authority authority,
        Issuer issuer,
        LocalDate issuedOn,
        LocalDate validUntil,
        Offence offence,
        boolean suspectConfirmed,
        boolean emergency,
        String emergencyFacts,
        List<Target> targets,
        Set<DataCategory> dataCategories,
        Instant periodFrom,
        Instant periodTo,
        LocalDate nonDisclosureUntil,
        String documentSha256,
        OrderStatus status,
        Instant receivedAt,
        String preservationReference) {

    /** An order that references no earlier preservation order. */
    public LegalOrder(String trackingNumber, String reference, String submittedBy, Channel channel, OrderType orderType,
                      Authority authority, Issuer issuer, LocalDate issuedOn, LocalDate validUntil, Offence offence,
                      boolean suspectConfirmed, boolean emergency, String emergencyFacts, List<Target> targets,
                      Set<DataCategory> dataCategories, Instant periodFrom, Instant periodTo, LocalDate nonDisclosureUntil,
                      String documentSha256, OrderStatus status, Instant receivedAt) {
        this(trackingNumber, reference, submittedBy, channel, orderType, authority, issuer, issuedOn, validUntil, offence,
                suspectConfirmed, emergency, emergencyFacts, targets, dataCategories, periodFrom, periodTo, nonDisclosureUntil,
                documentSha256, status, receivedAt, null);
    }

    /** How the order reached the platform. */
    public enum Channel { API, TASKLIST }

    public record Authority(String name, String country, String contactEmail) {}

    public record Issuer(IssuerType type, String name) {}

    public String categoriesText() {
        return dataCategories.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    }
}
