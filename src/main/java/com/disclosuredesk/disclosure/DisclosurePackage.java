package com.disclosuredesk.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderType;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The disclosure package: the one JSON document per order that is handed to the authority (docs/disclosure.md).
 * Its SHA-256 is taken over exactly the bytes {@link PackageJson} writes of it, so the field order is fixed here
 * ({@code @JsonPropertyOrder}) and checked against golden samples ({@code PackageGoldenTest}).
 *
 * @param preservation only when the order builds on a preservation ({@code preservationReference})
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"trackingNumber", "reference", "authority", "legalBasis", "period", "categories", "generatedAt",
        "preservation", "targets"})
public record DisclosurePackage(String trackingNumber, String reference, Authority authority, LegalBasis legalBasis,
                                Period period, List<DataCategory> categories,
                                @JsonFormat(shape = JsonFormat.Shape.STRING) Instant generatedAt,
                                @JsonInclude(JsonInclude.Include.NON_NULL) PreservationBasis preservation,
                                List<TargetEntry> targets) {

    public DisclosurePackage {
        categories = List.copyOf(categories);
        targets = List.copyOf(targets);
    }

    @Override
    public String toString() {
        return "DisclosurePackage[trackingNumber=" + trackingNumber + ", targets=" + targets.size() + "]";
    }

    /** The authority the package is for (no contact details). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"name", "country"})
    public record Authority(String name, String country) {

        static Authority of(LegalOrder order) {
            return new Authority(order.authority().name(), order.authority().country());
        }
    }

    /** The order the disclosure answers. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"orderType", "issuer", "issuerType", "issuedOn", "offence"})
    public record LegalBasis(OrderType orderType, String issuer, IssuerType issuerType,
                             @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate issuedOn, Offence offence) {

        static LegalBasis of(LegalOrder order) {
            return new LegalBasis(order.orderType(), order.issuer().name(), order.issuer().type(), order.issuedOn(),
                    order.offence());
        }
    }

    /**
     * The preservation the package builds on: {@code HELD} with what was frozen, when, and its digest; or
     * {@code NOT_HELD} (deleted meanwhile, or never frozen), and then every target was read live.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"trackingNumber", "snapshot", "snapshotSha256", "preservedAt", "period", "categories"})
    public record PreservationBasis(@JsonInclude(JsonInclude.Include.ALWAYS) String trackingNumber,
                                    @JsonInclude(JsonInclude.Include.ALWAYS) Snapshot snapshot, String snapshotSha256,
                                    @JsonFormat(shape = JsonFormat.Shape.STRING) Instant preservedAt, Period period,
                                    List<DataCategory> categories) {

        public enum Snapshot { HELD, NOT_HELD }

        static PreservationBasis held(PreservedSnapshot snapshot) {
            return new PreservationBasis(snapshot.trackingNumber(), Snapshot.HELD, snapshot.sha256(), snapshot.preservedAt(),
                    new Period(snapshot.periodFrom(), snapshot.periodTo()), PackageBuilder.sortedByName(snapshot.categories()));
        }

        static PreservationBasis notHeld(String trackingNumber) {
            return new PreservationBasis(trackingNumber, Snapshot.NOT_HELD, null, null, null, null);
        }
    }
}
