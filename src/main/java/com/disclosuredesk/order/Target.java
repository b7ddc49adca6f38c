package com.disclosuredesk.order;

import java.util.Locale;


/** One target as the order names it. The value is personal data: it never goes into process variables. */
public record Target(TargetType type, String value) {

    /** A form of the target that can be shown in task forms and logs: phone numbers are masked. */
    public String masked() {
        if (type == TargetType.PHONE && value != null && value.length() > 6) {
            return value.substring(0, 3) + "\u2022".repeat(value.length() - 6) + value.substring(value.length() - 3);
        }
        return value;
    }

    /**
     * The target's normalized key, equal for every way of writing the same target: {@code <TYPE>:<value>} with
     * usernames without the leading {@code @} and in lower case, phone numbers in E.164 (as written when they cannot
     * be normalized), account ids as given. Stored with each target (column {@code target_key}, migration V10) so
     * that orders naming the same target are found with an indexed join. Personal data, like the value.
     */
    public String key() {
        return key(type, value);
    }

    public static String key(TargetType type, String value) {
        String v = value.strip();
        String normalized = switch (type) {
            case USERNAME -> (v.startsWith("@") ? v.substring(1) : v).toLowerCase(Locale.ROOT);
            case PHONE -> PhoneNumbers.tryNormalizeE164(v).orElse(v);
            case ACCOUNT_ID -> v;
        };
        return type.name() + ":" + normalized;
    }
}
