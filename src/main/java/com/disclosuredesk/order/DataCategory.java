package com.disclosuredesk.order;

/**
 * Categories of data an authority may ask for. Only {@link #IP_ADDRESS} and {@link #PHONE_NUMBER}
 * are within the platform's disclosure policy; the others can be named in an order, and are refused.
 */
public enum DataCategory {
    IP_ADDRESS,
    PHONE_NUMBER,
    MESSAGE_CONTENT,
    CONTACTS,
    DEVICE_INFORMATION,
    USERNAME_HISTORY;

    public boolean withinPolicy() {
        return this == IP_ADDRESS || this == PHONE_NUMBER;
    }
}
