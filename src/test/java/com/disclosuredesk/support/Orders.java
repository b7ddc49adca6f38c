package com.disclosuredesk.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import com.disclosuredesk.intake.OrderSubmission;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.TargetType;

/** Example orders for tests, built like the spec's example payload, relative to today. */
public final class Orders {

    public static final String DOCUMENT_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private Orders() {}

    /** A valid court order for two demo accounts over the last 90 days. */
    public static OrderSubmission valid(String reference) {
        return valid(reference, List.of(
                new OrderSubmission.TargetSpec(TargetType.USERNAME, "@demo0001"),
                new OrderSubmission.TargetSpec(TargetType.ACCOUNT_ID, "100002")));
    }

    public static OrderSubmission valid(String reference, List<OrderSubmission.TargetSpec> targets) {
        LocalDate today = LocalDate.now();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new OrderSubmission(reference, OrderType.COURT_ORDER,
                new OrderSubmission.Authority("Staatsanwaltschaft Berlin", "DE", "cybercrime@sta.berlin.example"),
                new OrderSubmission.Issuer(IssuerType.COURT, "Amtsgericht Tiergarten"),
                today.minusDays(2), today.plusDays(90), Offence.DRUG_TRAFFICKING, true, false, null,
                targets, Set.of(DataCategory.IP_ADDRESS, DataCategory.PHONE_NUMBER),
                new OrderSubmission.Period(now.minus(90, ChronoUnit.DAYS), now), today.plusDays(180), DOCUMENT_SHA256);
    }

    /** The same order from a US authority (what the demo intake account court-us submits for). */
    public static OrderSubmission fromUnitedStates(OrderSubmission o) {
        return new OrderSubmission(o.reference(), o.orderType(),
                new OrderSubmission.Authority("US District Court SDNY", "US", "clerk@nysd.uscourts.example"),
                new OrderSubmission.Issuer(IssuerType.JUDGE, "Hon. A. Judge"), o.issuedOn(), o.validUntil(),
                o.offence(), o.suspectConfirmed(), o.emergency(), o.emergencyFacts(), o.targets(), o.dataCategories(),
                o.period(), o.nonDisclosureUntil(), o.documentSha256(), o.preservationReference());
    }

    /** The same order without the digest of the signed order document: incomplete. */
    public static OrderSubmission withoutDigest(OrderSubmission o) {
        return new OrderSubmission(o.reference(), o.orderType(), o.authority(), o.issuer(), o.issuedOn(), o.validUntil(),
                o.offence(), o.suspectConfirmed(), o.emergency(), o.emergencyFacts(), o.targets(), o.dataCategories(),
                o.period(), o.nonDisclosureUntil(), null, o.preservationReference());
    }

    /** The same order with a different offence. */
    public static OrderSubmission withOffence(OrderSubmission o, Offence offence) {
        return new OrderSubmission(o.reference(), o.orderType(), o.authority(), o.issuer(), o.issuedOn(), o.validUntil(),
                offence, o.suspectConfirmed(), o.emergency(), o.emergencyFacts(), o.targets(), o.dataCategories(),
                o.period(), o.nonDisclosureUntil(), o.documentSha256(), o.preservationReference());
    }

    /** The same order as a preservation order of the given type (EU_PRESERVATION_ORDER or PRESERVATION_REQUEST). */
    public static OrderSubmission asPreservation(OrderSubmission o, OrderType type) {
        return new OrderSubmission(o.reference(), type, o.authority(), o.issuer(), o.issuedOn(), o.validUntil(),
                o.offence(), o.suspectConfirmed(), o.emergency(), o.emergencyFacts(), o.targets(), o.dataCategories(),
                o.period(), o.nonDisclosureUntil(), o.documentSha256(), o.preservationReference());
    }

    /** The same order, building on the preservation order with the given tracking number. */
    public static OrderSubmission withPreservationReference(OrderSubmission o, String preservationReference) {
        return new OrderSubmission(o.reference(), o.orderType(), o.authority(), o.issuer(), o.issuedOn(), o.validUntil(),
                o.offence(), o.suspectConfirmed(), o.emergency(), o.emergencyFacts(), o.targets(), o.dataCategories(),
                o.period(), o.nonDisclosureUntil(), o.documentSha256(), preservationReference);
    }

    /** The same order as another type, issued by another kind of issuer. */
    public static OrderSubmission withType(OrderSubmission o, OrderType type, IssuerType issuer) {
        return rebuild(o, type, new OrderSubmission.Issuer(issuer, o.issuer().name()), o.authority(), o.emergency(),
                o.emergencyFacts(), o.nonDisclosureUntil());
    }

    /** The same order as an emergency request of the police, with the facts of the danger stated. */
    public static OrderSubmission emergency(OrderSubmission o) {
        return rebuild(o, OrderType.EMERGENCY_REQUEST, new OrderSubmission.Issuer(IssuerType.POLICE, "Polizei Berlin, LKA 7"),
                new OrderSubmission.Authority("Polizei Berlin", "DE", "lka7@polizei.berlin.example"), true,
                "A user announced a shooting at a named school for tomorrow morning.", o.nonDisclosureUntil());
    }

    /** The same order from another authority. */
    public static OrderSubmission fromAuthority(OrderSubmission o, String name, String contactEmail) {
        return rebuild(o, o.orderType(), o.issuer(), new OrderSubmission.Authority(name, o.authority().country(), contactEmail),
                o.emergency(), o.emergencyFacts(), o.nonDisclosureUntil());
    }

    /** The same order with another (or no) non-disclosure order. */
    public static OrderSubmission withNonDisclosureUntil(OrderSubmission o, LocalDate until) {
        return rebuild(o, o.orderType(), o.issuer(), o.authority(), o.emergency(), o.emergencyFacts(), until);
    }

    private static OrderSubmission rebuild(OrderSubmission o, OrderType type, OrderSubmission.Issuer issuer,
                                           OrderSubmission.Authority authority, Boolean emergency, String facts,
                                           LocalDate nonDisclosureUntil) {
        return new OrderSubmission(o.reference(), type, authority, issuer, o.issuedOn(), o.validUntil(),
                o.offence(), o.suspectConfirmed(), emergency, facts, o.targets(), o.dataCategories(),
                o.period(), nonDisclosureUntil, o.documentSha256(), o.preservationReference());
    }
}
