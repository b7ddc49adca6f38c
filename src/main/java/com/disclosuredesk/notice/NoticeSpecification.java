package com.disclosuredesk.notice;

import static com.disclosuredesk.notice.NoticeCategory.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * The optional specification of a notice: the DSA Transparency Database's {@code category_specification} keywords
 * without their {@code KEYWORD_} prefix, each with the statement category it belongs to.
 * <p>
 * Source: the keywords of the DSA Transparency Database API documentation
 * (https://transparency.dsa.ec.europa.eu/page/api-documentation, "category_specification") and their grouping by
 * category in Annex II of Commission Implementing Regulation (EU) 2024/2835 on the transparency reporting templates
 * (https://digital-strategy.ec.europa.eu/en/library/implementing-regulation-laying-down-templates-concerning-transparency-reporting-obligations).
 * {@link #OTHER} belongs to every category. Keywords the Database lists under more than one category (or whose
 * category changed between versions of the templates) have no single category: {@link #categories()} names each.
 */
public enum NoticeSpecification {
    // animal welfare
    ANIMAL_HARM(ANIMAL_WELFARE),
    UNLAWFUL_SALE_ANIMALS(ANIMAL_WELFARE),
    // consumer information
    HIDDEN_ADVERTISEMENT(CONSUMER_INFORMATION),
    INSUFFICIENT_INFORMATION_ON_TRADERS(CONSUMER_INFORMATION),
    MISLEADING_INFO_GOODS_SERVICES(CONSUMER_INFORMATION),
    MISLEADING_INFO_CONSUMER_RIGHTS(CONSUMER_INFORMATION),
    NONCOMPLIANCE_PRICING(CONSUMER_INFORMATION),
    // cyber violence
    CYBER_BULLYING_INTIMIDATION(CYBER_VIOLENCE),
    CYBER_HARASSMENT(CYBER_VIOLENCE),
    CYBER_INCITEMENT(CYBER_VIOLENCE),
    CYBER_STALKING(CYBER_VIOLENCE),
    NON_CONSENSUAL_IMAGE_SHARING(CYBER_VIOLENCE),
    NON_CONSENSUAL_MATERIAL_DEEPFAKE(CYBER_VIOLENCE),
    // cyber violence against women
    BULLYING_AGAINST_GIRLS(CYBER_VIOLENCE_AGAINST_WOMEN),
    CYBER_HARASSMENT_AGAINST_WOMEN(CYBER_VIOLENCE_AGAINST_WOMEN),
    CYBER_STALKING_AGAINST_WOMEN(CYBER_VIOLENCE_AGAINST_WOMEN),
    FEMALE_GENDERED_DISINFORMATION(CYBER_VIOLENCE_AGAINST_WOMEN),
    INCITEMENT_AGAINST_WOMEN(CYBER_VIOLENCE_AGAINST_WOMEN),
    NON_CONSENSUAL_IMAGE_SHARING_AGAINST_WOMEN(CYBER_VIOLENCE_AGAINST_WOMEN),
    NON_CONSENSUAL_MATERIAL_DEEPFAKE_AGAINST_WOMEN(CYBER_VIOLENCE_AGAINST_WOMEN),
    // data protection and privacy violations
    BIOMETRIC_DATA_BREACH(DATA_PROTECTION_AND_PRIVACY_VIOLATIONS),
    DATA_FALSIFICATION(DATA_PROTECTION_AND_PRIVACY_VIOLATIONS),
    MISSING_PROCESSING_GROUND(DATA_PROTECTION_AND_PRIVACY_VIOLATIONS),
    RIGHT_TO_BE_FORGOTTEN(DATA_PROTECTION_AND_PRIVACY_VIOLATIONS),
    // illegal or harmful speech
    DEFAMATION(ILLEGAL_OR_HARMFUL_SPEECH),
    DISCRIMINATION(ILLEGAL_OR_HARMFUL_SPEECH),
    HATE_SPEECH(ILLEGAL_OR_HARMFUL_SPEECH),
    // intellectual property infringements
    COPYRIGHT_INFRINGEMENT(INTELLECTUAL_PROPERTY_INFRINGEMENTS),
    DESIGN_INFRINGEMENT(INTELLECTUAL_PROPERTY_INFRINGEMENTS),
    GEOGRAPHIC_INDICATIONS_INFRINGEMENT(INTELLECTUAL_PROPERTY_INFRINGEMENTS),
    PATENT_INFRINGEMENT(INTELLECTUAL_PROPERTY_INFRINGEMENTS),
    TRADE_SECRET_INFRINGEMENT(INTELLECTUAL_PROPERTY_INFRINGEMENTS),
    TRADEMARK_INFRINGEMENT(INTELLECTUAL_PROPERTY_INFRINGEMENTS),
    // negative effects on civic discourse or elections
    MISINFORMATION_DISINFORMATION(NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS),
    VIOLATION_EU_LAW(NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS),
    VIOLATION_NATIONAL_LAW(NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS),
    FOREIGN_INFORMATION_MANIPULATION(NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS),
    // protection of minors
    AGE_SPECIFIC_RESTRICTIONS_MINORS(PROTECTION_OF_MINORS),
    CHILD_SEXUAL_ABUSE_MATERIAL(PROTECTION_OF_MINORS),
    CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE(PROTECTION_OF_MINORS),
    GROOMING_SEXUAL_ENTICEMENT_MINORS(PROTECTION_OF_MINORS),
    // listed under protection of minors and under self-harm
    UNSAFE_CHALLENGES(PROTECTION_OF_MINORS, SELF_HARM),
    // risk for public security (human exploitation and trafficking: under violence in the 2023 list)
    ILLEGAL_ORGANIZATIONS(RISK_FOR_PUBLIC_SECURITY),
    RISK_ENVIRONMENTAL_DAMAGE(RISK_FOR_PUBLIC_SECURITY),
    RISK_PUBLIC_HEALTH(RISK_FOR_PUBLIC_SECURITY),
    TERRORIST_CONTENT(RISK_FOR_PUBLIC_SECURITY),
    // scams and fraud
    IMPERSONATION_ACCOUNT_HIJACKING(SCAMS_AND_FRAUD),
    INAUTHENTIC_ACCOUNTS(SCAMS_AND_FRAUD),
    INAUTHENTIC_LISTINGS(SCAMS_AND_FRAUD),
    INAUTHENTIC_USER_REVIEWS(SCAMS_AND_FRAUD),
    PHISHING(SCAMS_AND_FRAUD),
    PYRAMID_SCHEMES(SCAMS_AND_FRAUD),
    // self-harm
    CONTENT_PROMOTING_EATING_DISORDERS(SELF_HARM),
    SELF_MUTILATION(SELF_HARM),
    SUICIDE(SELF_HARM),
    // unsafe and prohibited products
    PROHIBITED_PRODUCTS(UNSAFE_AND_PROHIBITED_PRODUCTS),
    UNSAFE_PRODUCTS(UNSAFE_AND_PROHIBITED_PRODUCTS),
    // violence
    COORDINATED_HARM(VIOLENCE),
    INCITEMENT_VIOLENCE_HATRED(VIOLENCE),
    GENDER_BASED_VIOLENCE(VIOLENCE),
    HUMAN_EXPLOITATION(VIOLENCE, RISK_FOR_PUBLIC_SECURITY),
    HUMAN_TRAFFICKING(VIOLENCE, RISK_FOR_PUBLIC_SECURITY),
    TRAFFICKING_WOMEN_GIRLS(VIOLENCE),
    // other violation of the terms and conditions (the platform's scope)
    ADULT_SEXUAL_MATERIAL(OTHER_VIOLATION_TC),
    AGE_SPECIFIC_RESTRICTIONS(OTHER_VIOLATION_TC),
    GEOGRAPHICAL_REQUIREMENTS(OTHER_VIOLATION_TC),
    GOODS_SERVICES_NOT_PERMITTED(OTHER_VIOLATION_TC),
    LANGUAGE_REQUIREMENTS(OTHER_VIOLATION_TC),
    NUDITY(OTHER_VIOLATION_TC),
    // any category
    OTHER();

    private final Set<NoticeCategory> categories;

    NoticeSpecification(NoticeCategory... categories) {
        this.categories = categories.length == 0 ? EnumSet.allOf(NoticeCategory.class) : EnumSet.of(categories[0], categories);
    }

    /** The categories this keyword belongs to (every category for {@link #OTHER}). */
    public Set<NoticeCategory> categories() {
        return EnumSet.copyOf(categories);
    }

    public boolean belongsTo(NoticeCategory category) {
        return categories.contains(category);
    }
}
