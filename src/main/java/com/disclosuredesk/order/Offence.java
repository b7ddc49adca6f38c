package com.disclosuredesk.order;

/**
 * The offence an order names. Whether an offence violates the Terms of Service is decided by the
 * validity policy (processes/order-validity.dmn), not here, so that legal staff can read and change it.
 */
public enum Offence {
    TERRORISM,
    CHILD_SEXUAL_ABUSE_MATERIAL,
    DRUG_TRAFFICKING,
    FRAUD,
    CYBERCRIME,
    MONEY_LAUNDERING,
    VIOLENT_THREATS,
    HUMAN_TRAFFICKING,
    WEAPONS_TRAFFICKING,
    EXTORTION,
    DEFAMATION,
    POLITICAL_ACTIVITY,
    COPYRIGHT_INFRINGEMENT,
    OTHER
}
