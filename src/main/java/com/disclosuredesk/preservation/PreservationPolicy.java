package com.disclosuredesk.preservation;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import com.disclosuredesk.order.OrderType;


import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * How long a preservation hold lasts and by how much it is extended once: EU preservation orders 60 days, extended
 * by 30 (the EU e-Evidence Regulation); other preservation requests 90 days, extended by 90. Configurable:
 * {@code disclosure-desk.preservation.hold.eu|other}, {@code disclosure-desk.preservation.extension.eu|other}
 * (values in application.yaml).
 */
@Component
@EnableConfigurationProperties(PreservationPolicy.Settings.class)
public class PreservationPolicy {

    /**
     * {@code disclosure-desk.preservation.*}
     *
     * @param hold      how long a frozen snapshot is held, from when it is frozen
     * @param extension the one extension, added to the end of the hold
     */
    @ConfigurationProperties("disclosure-desk.preservation")
    public record Settings(PerKind hold, PerKind extension) {
        public Settings {
            Objects.requireNonNull(hold, "disclosure-desk.preservation.hold is not set");
            Objects.requireNonNull(extension, "disclosure-desk.preservation.extension is not set");
        }
    }

    /** @param eu EU preservation orders; @param other other preservation requests (each checked by the policy) */
    public record PerKind(Duration eu, Duration other) {}

    /** The order types that ask the platform to keep data, not to hand it over. */
    public static final Set<OrderType> PRESERVATION_TYPES = Set.of(OrderType.PRESERVATION_REQUEST, OrderType.EU_PRESERVATION_ORDER);

    private final Duration holdEu;
    private final Duration holdOther;
    private final Duration extensionEu;
    private final Duration extensionOther;

    public PreservationPolicy(Settings settings) {
        this.holdEu = positive(settings.hold().eu(), "hold.eu");
        this.holdOther = positive(settings.hold().other(), "hold.other");
        this.extensionEu = positive(settings.extension().eu(), "extension.eu");
        this.extensionOther = positive(settings.extension().other(), "extension.other");
    }

    public static PreservationPolicy of(Duration holdEu, Duration holdOther, Duration extensionEu, Duration extensionOther) {
        return new PreservationPolicy(new Settings(new PerKind(holdEu, holdOther), new PerKind(extensionEu, extensionOther)));
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
