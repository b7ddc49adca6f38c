package com.disclosuredesk.order;

public enum OrderType {
    COURT_ORDER,
    SEARCH_WARRANT,
    SUBPOENA,
    EMERGENCY_REQUEST,
    PRESERVATION_REQUEST,
    EU_PRODUCTION_ORDER,
    EU_PRESERVATION_ORDER
}
