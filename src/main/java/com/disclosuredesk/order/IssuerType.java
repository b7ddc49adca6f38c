package com.disclosuredesk.order;

public enum IssuerType {
    COURT,
    JUDGE,
    INVESTIGATING_JUDGE,
    PROSECUTOR,
    POLICE,
    OTHER;

    public boolean judicial() {
        return this == COURT || this == JUDGE || this == INVESTIGATING_JUDGE;
    }
}
