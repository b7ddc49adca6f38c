package com.disclosuredesk.disclosure;

import java.time.Instant;
import java.util.List;

import com.disclosuredesk.order.Target;
import com.disclosuredesk.subscribers.TargetData;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One target in a disclosure package or a preservation snapshot: the target as the order names it, whether there is
 * data ({@code result}), in a package where the data comes from ({@code source}, and the snapshot when it is
 * {@code PRESERVED}), and for {@code DATA} the account with the categories' data. Written by {@link PackageBuilder},
 * read back from snapshots; the two shapes are two records, told apart by {@code result}.
 *
 * <p>Personal data: the records print counts only ({@code toString}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "result")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TargetEntry.Found.class, name = "DATA"),
        @JsonSubTypes.Type(value = TargetEntry.NoData.class, name = "NO_DATA")})
public sealed interface TargetEntry {

    /** Whether the target has anything to hand over. */
    enum Result { DATA, NO_DATA }

    /** Where the data of a target comes from: the live subscriber directory, or a preserved snapshot. */
    enum Source { LIVE, PRESERVED }

    Target target();

    /** {@code DATA} or {@code NO_DATA}: the shape of the entry. */
    @JsonProperty("result")
    Result result();

    /** Only in a disclosure package. */
    Source source();

    /** Only for a target taken from a snapshot. */
    PreservationRef preservation();

    /** The data of the entry, as the subscriber directory would return it (no data for {@code NO_DATA}). */
    @JsonIgnore
    TargetData data();

    /** The same entry with where its data comes from (for a package). */
    TargetEntry from(Source source, PreservationRef preservation);

    /** The target was resolved and has a phone number or IP entries (as far as the categories allow). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"target", "result", "source", "preservation", "accountId", "username", "phoneNumber", "ipAddresses"})
    record Found(Target target,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Source source,
                 @JsonInclude(JsonInclude.Include.NON_NULL) PreservationRef preservation,
                 long accountId,
                 String username,
                 /* only with PHONE_NUMBER, and when the account has one */
                 @JsonInclude(JsonInclude.Include.NON_NULL) String phoneNumber,
                 /* only with IP_ADDRESS (then possibly empty) */
                 @JsonInclude(JsonInclude.Include.NON_NULL) List<IpAddress> ipAddresses) implements TargetEntry {

        public Found {
            ipAddresses = ipAddresses == null ? null : List.copyOf(ipAddresses);
        }

        @Override
        public Result result() {
            return Result.DATA;
        }

        @Override
        public TargetData data() {
            return TargetData.of(accountId, username, phoneNumber, ipAddresses == null ? List.of()
                    : ipAddresses.stream().map(ip -> new TargetData.IpEntry(ip.ip(), ip.port(), ip.seenAt())).toList());
        }

        @Override
        public TargetEntry from(Source source, PreservationRef preservation) {
            return new Found(target, source, preservation, accountId, username, phoneNumber, ipAddresses);
        }

        @Override
        public String toString() {
            return "TargetEntry.Found[type=" + target.type() + ", accountId=" + accountId + ", source=" + source
                    + ", phoneNumbers=" + (phoneNumber == null ? 0 : 1)
                    + ", ipEntries=" + (ipAddresses == null ? 0 : ipAddresses.size()) + "]";
        }
    }

    /** The target is unknown, or has nothing to hand over: listed, never dropped. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"target", "result", "source", "preservation"})
    record NoData(Target target,
                  @JsonInclude(JsonInclude.Include.NON_NULL) Source source,
                  @JsonInclude(JsonInclude.Include.NON_NULL) PreservationRef preservation) implements TargetEntry {

        @Override
        public Result result() {
            return Result.NO_DATA;
        }

        @Override
        public TargetData data() {
            return TargetData.noData();
        }

        @Override
        public TargetEntry from(Source source, PreservationRef preservation) {
            return new NoData(target, source, preservation);
        }

        @Override
        public String toString() {
            return "TargetEntry.NoData[type=" + target.type() + ", source=" + source + "]";
        }
    }

    /** One entry of the IP log; {@code port} is written as {@code null} when the platform did not log it. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"ip", "port", "seenAt"})
    record IpAddress(String ip, Integer port, @JsonFormat(shape = JsonFormat.Shape.STRING) Instant seenAt) {

        @Override
        public String toString() {
            return "IpAddress[seenAt=" + seenAt + "]";
        }
    }

    /** For a target taken from a snapshot: which preservation, and the digest of the snapshot as it was frozen. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"trackingNumber", "snapshotSha256"})
    record PreservationRef(String trackingNumber, String snapshotSha256) {}
}
