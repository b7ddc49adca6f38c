package com.disclosuredesk.common;

import org.slf4j.MDC;

/**
 * Puts an order's tracking number into the logging context (MDC key {@value #KEY}) for the lines logged while
 * the order is processed, and restores what was there before on close:
 * <pre>try (OrderLogContext ignored = OrderLogContext.of(trackingNumber)) { ... }</pre>
 * The engine sets the same key from the process instance's business key while it runs delegates and listeners
 * ({@code loggingContextBusinessKey} in application.yaml). The tracking number identifies the order, never a
 * person: no target, phone number or IP address ever goes into the logging context.
 */
public final class OrderLogContext implements AutoCloseable {

    public static final String KEY = "trackingNumber";

    private final String previous;

    private OrderLogContext(String trackingNumber) {
        this.previous = MDC.get(KEY);
        if (trackingNumber != null) {
            MDC.put(KEY, trackingNumber);
        }
    }

    public static OrderLogContext of(String trackingNumber) {
        return new OrderLogContext(trackingNumber);
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, previous);
        }
    }
}
