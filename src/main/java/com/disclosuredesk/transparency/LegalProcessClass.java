package com.disclosuredesk.transparency;

import com.disclosuredesk.order.OrderType;

/**
 * The class of legal process an order belongs to, as transparency reports group them. Derived from the order
 * type alone, so it can never disagree with it:
 *
 * <pre>
 * COURT_ORDER, SEARCH_WARRANT                   → JUDICIAL_ORDER
 * SUBPOENA                                      → SUBPOENA
 * EMERGENCY_REQUEST                             → EMERGENCY
 * EU_PRODUCTION_ORDER                           → EU_PRODUCTION_ORDER
 * PRESERVATION_REQUEST, EU_PRESERVATION_ORDER   → PRESERVATION
 * </pre>
 */
public enum LegalProcessClass {
    JUDICIAL_ORDER,
    SUBPOENA,
    EMERGENCY,
    EU_PRODUCTION_ORDER,
    PRESERVATION;

    public static LegalProcessClass of(OrderType type) {
        return switch (type) {
            case COURT_ORDER, SEARCH_WARRANT -> JUDICIAL_ORDER;
            case SUBPOENA -> SUBPOENA;
            case EMERGENCY_REQUEST -> EMERGENCY;
            case EU_PRODUCTION_ORDER -> EU_PRODUCTION_ORDER;
            case PRESERVATION_REQUEST, EU_PRESERVATION_ORDER -> PRESERVATION;
        };
    }

    /** The class of an order type given by name, as stored in the ledger. */
    public static LegalProcessClass ofOrderType(String orderType) {
        return of(OrderType.valueOf(orderType));
    }
}
