package com.disclosuredesk.intake;

import com.disclosuredesk.web.ApiProblemHandler;
import com.disclosuredesk.common.Countries;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.TargetType;
import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An order as an authority submits it (the spec's payload). Validation names every offending field; messages
 * name the rule and never echo the value. Checks written as {@code @AssertTrue} methods are reported under the
 * method's name and renamed to the JSON field by {@link ApiProblemHandler#fieldName(String)}.
 */
public record OrderSubmission(
        @NotBlank @Size(max = 100, message = "must be at most 100 characters") @Pattern(regexp = "^[\\p{L}\\p{N}][\\p{L}\\p{N} ._/:#-]*$",
                message = "must start with a letter or digit and contain only letters, digits, spaces and . _ / : # -")
        String reference,
        @NotNull OrderType orderType,
        @NotNull @Valid Authority authority,
        @NotNull @Valid Issuer issuer,
        @NotNull @PastOrPresent(message = "must not be in the future") LocalDate issuedOn,
        LocalDate validUntil,
        @NotNull Offence offence,
        @NotNull Boolean suspectConfirmed,
        @NotNull Boolean emergency,
        @Size(max = 4000, message = "must be at most 4000 characters") String emergencyFacts,
        @NotNull @Size(min = 1, max = 100, message = "must name 1 to 100 targets") @DistinctTargets
        List<@NotNull @Valid TargetSpec> targets,
        @NotEmpty Set<@NotNull DataCategory> dataCategories,
        @NotNull @Valid Period period,
        LocalDate nonDisclosureUntil,
        @Pattern(regexp = "^[0-9a-fA-F]{64}$", message = "must be a SHA-256 digest: 64 hexadecimal characters")
        String documentSha256,
        @Pattern(regexp = TRACKING_NUMBER, message = "must be the tracking number of an earlier preservation order, "
                + "LO-YYYY-NNNNNN such as LO-2026-000123")
        String preservationReference) {

    /** A tracking number as the platform hands them out: {@code LO-<year>-<6 digits>}. */
    static final String TRACKING_NUMBER = "^LO-[0-9]{4}-[0-9]{6}$";

    /** An order that references no earlier preservation order. */
    public OrderSubmission(String reference, OrderType orderType, Authority authority, Issuer issuer, LocalDate issuedOn,
                           LocalDate validUntil, Offence offence, Boolean suspectConfirmed, Boolean emergency,
                           String emergencyFacts, List<TargetSpec> targets, Set<DataCategory> dataCategories, Period period,
                           LocalDate nonDisclosureUntil, String documentSha256) {
        this(reference, orderType, authority, issuer, issuedOn, validUntil, offence, suspectConfirmed, emergency,
                emergencyFacts, targets, dataCategories, period, nonDisclosureUntil, documentSha256, null);
    }

    /** Names are one line of printable text. */
    static final String NO_CONTROL_CHARACTERS = "^[^\\p{Cntrl}]*$";

    public record Authority(
            @NotBlank @Size(max = 200, message = "must be at most 200 characters")
            @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not contain control characters") String name,
            @NotNull @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code such as DE") String country,
            @Email(message = "must be an email address such as cybercrime@authority.example")
            @Size(max = 254, message = "must be at most 254 characters") String contactEmail) {

        @JsonIgnore
        @AssertTrue(message = "must be an assigned ISO 3166-1 alpha-2 country code")
        public boolean isCountryAssigned() {
            return country == null || !country.matches("^[A-Z]{2}$") || Countries.isAssigned(country);
        }
    }

    public record Issuer(@NotNull IssuerType type,
                         @NotBlank @Size(max = 200, message = "must be at most 200 characters")
                         @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not contain control characters") String name) {}

    public record TargetSpec(@NotNull TargetType type,
                             @NotBlank @Size(max = 100, message = "must be at most 100 characters") String value) {

        /** Targets must be precise: an account id, an {@code @username} or an E.164 phone number. */
        @JsonIgnore
        @AssertTrue(message = "must match its type: ACCOUNT_ID digits, USERNAME @name (4-32 characters), PHONE E.164 such as +4915112345678")
        public boolean isValueWellFormed() {
            if (type == null || value == null) {
                return true;
            }
            return switch (type) {
                case ACCOUNT_ID -> value.matches("^[1-9][0-9]{0,18}$");
                case USERNAME -> value.matches("^@[A-Za-z][A-Za-z0-9_]{3,31}$");
                case PHONE -> value.matches("^\\+[1-9][0-9]{6,14}$");
            };
        }
    }

    public record Period(@NotNull Instant from, @NotNull Instant to) {

        /** At most one year: 366 days, so that a period of a leap year fits. */
        static final Duration LONGEST = Duration.ofDays(366);

        @JsonIgnore
        @AssertTrue(message = "must end after it starts (from before to)")
        public boolean isChronological() {
            return from == null || to == null || from.isBefore(to);
        }

        @JsonIgnore
        @AssertTrue(message = "must not last longer than one year (366 days)")
        public boolean isAtMostOneYear() {
            return from == null || to == null || !from.isBefore(to) || Duration.between(from, to).compareTo(LONGEST) <= 0;
        }
    }

    @JsonIgnore
    @AssertTrue(message = "must not be before issuedOn")
    public boolean isValidUntilAfterIssue() {
        return validUntil == null || issuedOn == null || !validUntil.isBefore(issuedOn);
    }

    @JsonIgnore
    @AssertTrue(message = "must not be before issuedOn")
    public boolean isNonDisclosureAfterIssue() {
        return nonDisclosureUntil == null || issuedOn == null || !nonDisclosureUntil.isBefore(issuedOn);
    }

    /** A preservation order preserves; only an order that asks for data builds on an earlier preservation. */
    @JsonIgnore
    @AssertTrue(message = "must not be given for a preservation order: only a production order references an earlier preservation order")
    public boolean isPreservationReferenceForProduction() {
        return preservationReference == null || orderType == null
                || (orderType != OrderType.PRESERVATION_REQUEST && orderType != OrderType.EU_PRESERVATION_ORDER);
    }

    @JsonIgnore
    @AssertTrue(message = "must state the facts of the danger to life or of serious injury when emergency is true")
    public boolean isEmergencyFactsGiven() {
        return !Boolean.TRUE.equals(emergency) || (emergencyFacts != null && !emergencyFacts.isBlank());
    }
}
