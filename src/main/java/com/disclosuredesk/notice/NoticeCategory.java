package com.disclosuredesk.notice;

/**
 * The category of a notice: the DSA Transparency Database's statement categories ({@code category}, without its
 * {@code STATEMENT_CATEGORY_} prefix), as PRODUCT.md "Part two" lists them. Issue 17 exports them with the prefix.
 */
public enum NoticeCategory {
    ANIMAL_WELFARE,
    CONSUMER_INFORMATION,
    CYBER_VIOLENCE,
    CYBER_VIOLENCE_AGAINST_WOMEN,
    DATA_PROTECTION_AND_PRIVACY_VIOLATIONS,
    ILLEGAL_OR_HARMFUL_SPEECH,
    INTELLECTUAL_PROPERTY_INFRINGEMENTS,
    NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS,
    OTHER_VIOLATION_TC,
    PROTECTION_OF_MINORS,
    RISK_FOR_PUBLIC_SECURITY,
    SCAMS_AND_FRAUD,
    SELF_HARM,
    UNSAFE_AND_PROHIBITED_PRODUCTS,
    VIOLENCE
}
