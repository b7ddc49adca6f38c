package com.disclosuredesk.preservation;

import java.time.Duration;
import java.util.Set;

import com.disclosuredesk.order.OrderType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long a preservation hold lasts and by how much it is extended once: EU preservation orders 60 days, extended
 * by 30 (the EU e-Evidence Regulation); other preservation requests 90 days, extended by 90. Configurable:
 * {@code disclosure-desk.preservation.hold.eu|other}, {@code disclosure-desk.preservation.extension.eu|other}.
 */
@Component
public class PreservationPolicy {

    /** The order types that ask the platform to keep data, not to hand it over. */
    public static final Set<OrderType> PRESERVATION_TYPES = Set.of(OrderType.PRESERVATION_REQUEST, OrderType.EU_PRESERVATION_ORDER);

    private final Duration holdEu;
    private final Duration holdOther;
    private final Duration extensionEu;
    private final Duration extensionOther;

    public PreservationPolicy(@Value("${disclosure-desk.preservation.hold.eu:P60D}") Duration holdEu,
                              @Value("${disclosure-desk.preservation.hold.other:P90D}") Duration holdOther,
                              @Value("${disclosure-desk.preservation.extension.eu:P30D}") Duration extensionEu,
                              @Value("${disclosure-desk.preservation.extension.other:P90D}") Duration extensionOther) {
        this.holdEu = positive(holdEu, "hold.eu");
        this.holdOther = positive(holdOther, "hold.other");
        this.extensionEu = positive(extensionEu, "extension.eu");
        this.extensionOther = positive(extensionOther, "extension.other");
    }

    /** The defaults: 60/90 days, extended by 30/90 days. */
    public static PreservationPolicy defaults() {
        return new PreservationPolicy(Duration.ofDays(60), Duration.ofDays(90), Duration.ofDays(30), Duration.ofDays(90));
    }

    public static boolean isPreservation(OrderType type) {
        return PRESERVATION_TYPES.contains(type);
    }

    /** The hold of a new snapshot, counted from the moment it is frozen. */
    public Duration hold(OrderType type) {
        return requirePreservation(type) == OrderType.EU_PRESERVATION_ORDER ? holdEu : holdOther;
    }

    /** The one extension, added to the end of the hold. */
    public Duration extension(OrderType type) {
        return requirePreservation(type) == OrderType.EU_PRESERVATION_ORDER ? extensionEu : extensionOther;
    }

    private static OrderType requirePreservation(OrderType type) {
        if (!isPreservation(type)) {
            throw new IllegalArgumentException(type + " is not a preservation order type");
        }
        return type;
    }

    private static Duration positive(Duration duration, String name) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalStateException("disclosure-desk.preservation." + name + " must be a positive duration such as P60D");
        }
        return duration;
    }
}
