package com.disclosuredesk.order;

/** One target as the order names it. The value is personal data: it never goes into process variables. */
public record Target(TargetType type, String value) {

    /** A form of the target that can be shown in task forms and logs: phone numbers are masked. */
    public String masked() {
        if (type == TargetType.PHONE && value != null && value.length() > 6) {
            return value.substring(0, 3) + "\u2022".repeat(value.length() - 6) + value.substring(value.length() - 3);
        }
        return value;
    }
}
