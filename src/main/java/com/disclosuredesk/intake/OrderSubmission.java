package com.disclosuredesk.intake;

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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An order as an authority submits it (the spec's payload). Validation names every offending field. */
public record OrderSubmission(
        @NotBlank @Size(max = 100) @Pattern(regexp = "^[\\p{L}\\p{N}][\\p{L}\\p{N} ._/:#-]*$",
                message = "must start with a letter or digit and contain only letters, digits, spaces and . _ / : # -")
        String reference,
        @NotNull OrderType orderType,
        @NotNull @Valid Authority authority,
        @NotNull @Valid Issuer issuer,
        @NotNull LocalDate issuedOn,
        LocalDate validUntil,
        @NotNull Offence offence,
        @NotNull Boolean suspectConfirmed,
        @NotNull Boolean emergency,
        @Size(max = 4000) String emergencyFacts,
        @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid TargetSpec> targets,
        @NotEmpty Set<@NotNull DataCategory> dataCategories,
        @NotNull @Valid Period period,
        LocalDate nonDisclosureUntil,
        @Pattern(regexp = "^[0-9a-fA-F]{64}$", message = "must be a SHA-256 digest: 64 hexadecimal characters")
        String documentSha256) {

    public record Authority(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code such as DE") String country,
            @Email @Size(max = 254) String contactEmail) {

        @JsonIgnore
        @AssertTrue(message = "must be an assigned ISO 3166-1 alpha-2 country code")
        public boolean isCountryAssigned() {
            return country == null || !country.matches("^[A-Z]{2}$") || Countries.isAssigned(country);
        }
    }

    public record Issuer(@NotNull IssuerType type, @NotBlank @Size(max = 200) String name) {}

    public record TargetSpec(@NotNull TargetType type, @NotBlank @Size(max = 100) String value) {

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

        @JsonIgnore
        @AssertTrue(message = "must end after it starts and last at most one year")
        public boolean isBounded() {
            if (from == null || to == null) {
                return true;
            }
            return from.isBefore(to) && Duration.between(from, to).compareTo(Duration.ofDays(366)) <= 0;
        }
    }

    @JsonIgnore
    @AssertTrue(message = "must not be before issuedOn")
    public boolean isValidUntilAfterIssue() {
        return validUntil == null || issuedOn == null || !validUntil.isBefore(issuedOn);
    }

    @JsonIgnore
    @AssertTrue(message = "must state the facts of the danger to life or of serious injury when emergency is true")
    public boolean isEmergencyFactsGiven() {
        return !Boolean.TRUE.equals(emergency) || (emergencyFacts != null && !emergencyFacts.isBlank());
    }
}
