package com.disclosuredesk.preservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import com.disclosuredesk.order.OrderType;

import org.junit.jupiter.api.Test;

class PreservationPolicyTest {

    @Test
    void euOrdersAreHeldSixtyDaysAndExtendedByThirtyOthersNinetyAndNinety() {
        PreservationPolicy policy = PreservationPolicies.defaults();
        assertThat(policy.hold(OrderType.EU_PRESERVATION_ORDER)).isEqualTo(Duration.ofDays(60));
        assertThat(policy.extension(OrderType.EU_PRESERVATION_ORDER)).isEqualTo(Duration.ofDays(30));
        assertThat(policy.hold(OrderType.PRESERVATION_REQUEST)).isEqualTo(Duration.ofDays(90));
        assertThat(policy.extension(OrderType.PRESERVATION_REQUEST)).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void durationsAreConfigurable() {
        PreservationPolicy policy = PreservationPolicy.of(Duration.ofDays(10), Duration.ofDays(20), Duration.ofHours(5),
                Duration.ofDays(7));
        assertThat(policy.hold(OrderType.EU_PRESERVATION_ORDER)).isEqualTo(Duration.ofDays(10));
        assertThat(policy.hold(OrderType.PRESERVATION_REQUEST)).isEqualTo(Duration.ofDays(20));
        assertThat(policy.extension(OrderType.EU_PRESERVATION_ORDER)).isEqualTo(Duration.ofHours(5));
        assertThat(policy.extension(OrderType.PRESERVATION_REQUEST)).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void onlyPreservationOrdersHaveAHold() {
        assertThat(PreservationPolicy.isPreservation(OrderType.PRESERVATION_REQUEST)).isTrue();
        assertThat(PreservationPolicy.isPreservation(OrderType.EU_PRESERVATION_ORDER)).isTrue();
        assertThat(PreservationPolicy.isPreservation(OrderType.EU_PRODUCTION_ORDER)).isFalse();
        assertThatThrownBy(() -> PreservationPolicies.defaults().hold(OrderType.COURT_ORDER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHoldMustLastSomeTime() {
        assertThatThrownBy(() -> PreservationPolicy.of(Duration.ZERO, Duration.ofDays(90), Duration.ofDays(30), Duration.ofDays(90)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("hold.eu");
        assertThatThrownBy(() -> PreservationPolicy.of(Duration.ofDays(60), Duration.ofDays(90), Duration.ofDays(30),
                Duration.ofDays(-1))).isInstanceOf(IllegalStateException.class).hasMessageContaining("extension.other");
    }
}
