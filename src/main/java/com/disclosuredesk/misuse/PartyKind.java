package com.disclosuredesk.misuse;

/**
 * The three classes of party that Art. 23 DSA lets the platform warn and suspend: an account that frequently provides
 * manifestly illegal content (23(1)), a notifier that frequently submits manifestly unfounded notices, and a
 * complainant that frequently submits manifestly unfounded complaints (23(2)). The names are those of
 * {@code cr_misuse_measure.party_kind} and of the misuse-review variable {@code partyKind}.
 */
public enum PartyKind {
    ACCOUNT, NOTIFIER, COMPLAINANT
}
