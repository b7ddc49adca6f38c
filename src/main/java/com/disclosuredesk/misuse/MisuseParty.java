package com.disclosuredesk.misuse;

import com.disclosuredesk.moderation.NotifierStanding;

/**
 * A party of Art. 23 as the application knows it: a notifier by the gateway that submits for them and the gateway's
 * pseudonymous id, an account by the platform's id; a complainant by the same means as the one or the other. Its
 * {@link #ref()} is {@code cr_misuse_measure.party_ref}: {@code gateway:notifierRef} for notifiers and complaining
 * notifiers (as {@link NotifierStanding#notifierParty} spells it), the account id for accounts, and
 * {@code account:<id>} for complaining uploaders. Never a name or an email.
 */
public record MisuseParty(PartyKind kind, String ref, String gateway, String notifierRef, Long accountId) {

    static final String UPLOADER_PREFIX = "account:";

    public static MisuseParty notifier(String gateway, String notifierRef) {
        return new MisuseParty(PartyKind.NOTIFIER, NotifierStanding.notifierParty(gateway, notifierRef), gateway, notifierRef, null);
    }

    public static MisuseParty account(long accountId) {
        return new MisuseParty(PartyKind.ACCOUNT, String.valueOf(accountId), null, null, accountId);
    }

    /** A notifier complaining about the decision on their notice. */
    public static MisuseParty complainingNotifier(String gateway, String notifierRef) {
        return new MisuseParty(PartyKind.COMPLAINANT, NotifierStanding.notifierParty(gateway, notifierRef), gateway, notifierRef, null);
    }

    /** The uploader complaining about a decision on their content (their account's id). */
    public static MisuseParty complainingUploader(long accountId) {
        return new MisuseParty(PartyKind.COMPLAINANT, uploaderComplainantRef(accountId), null, null, accountId);
    }

    /**
     * The party reference of an uploader as a complainant: what complaint intake passes to
     * {@code NotifierStanding.suspendedUntil("COMPLAINANT", ...)} for an uploader's complaint (a notifier's complaint:
     * {@code NotifierStanding.notifierParty(gateway, notifierRef)}).
     */
    public static String uploaderComplainantRef(long accountId) {
        return NotifierStanding.uploaderParty(accountId);
    }

    /** The party of a recorded measure, from its kind and reference. */
    public static MisuseParty of(PartyKind kind, String ref) {
        return switch (kind) {
            case ACCOUNT -> account(Long.parseLong(ref));
            case NOTIFIER -> notifier(gatewayOf(ref), notifierRefOf(ref));
            case COMPLAINANT -> ref.startsWith(UPLOADER_PREFIX)
                    ? complainingUploader(Long.parseLong(ref.substring(UPLOADER_PREFIX.length())))
                    : complainingNotifier(gatewayOf(ref), notifierRefOf(ref));
        };
    }

    /** Gateways are engine user ids ([a-zA-Z0-9._-]): the first ':' ends the gateway. */
    private static String gatewayOf(String ref) {
        return ref.substring(0, ref.indexOf(':'));
    }

    private static String notifierRefOf(String ref) {
        return ref.substring(ref.indexOf(':') + 1);
    }

    /** Whether messages reach the party through a gateway's notifier feed (else: the uploaders' feed, by account). */
    public boolean isNotifier() {
        return notifierRef != null;
    }
}
