package com.disclosuredesk.verification;

import java.time.Instant;

/**
 * An authority the legal team has verified through an official channel: its country, name, official contact
 * domain (e.g. {@code polizei.berlin.de}) and the known contact to call back, with who verified it and when.
 */
public record KnownAuthority(long id, String country, String name, String contactDomain, String knownContact,
                             String verifiedBy, Instant verifiedAt) {}
