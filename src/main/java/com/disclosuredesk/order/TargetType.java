package com.disclosuredesk.order;

/** How an order names a target account. */
public enum TargetType {
    /** The platform's numeric account id. */
    ACCOUNT_ID,
    /** A username, written with a leading {@code @}. */
    USERNAME,
    /** A phone number in E.164 form. */
    PHONE
}
