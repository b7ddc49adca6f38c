package com.disclosuredesk.subscribers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetDataTest {

    private static final TargetData.IpEntry V4 = new TargetData.IpEntry("79.200.13.7", 51234, Instant.parse("2026-03-01T10:00:00Z"));
    private static final TargetData.IpEntry V6 = new TargetData.IpEntry("2003:e1:1a2b:3c4d:5e6f:7a8b:9c0d:ef12", 40000, Instant.parse("2026-03-02T10:00:00Z"));

    @Test
    void toStringShowsAccountIdAndCountsButNoPhoneIpOrUsername() {
        TargetData data = TargetData.of(100042L, "@suspect", "+4915112345678", List.of(V4, V6));

        assertThat(data.toString())
                .isEqualTo("TargetData[found=true, accountId=100042, phoneNumbers=1, ipEntries=2]")
                .doesNotContain("+4915112345678", "4915112345678", "79.200.13.7", "2003:e1", "51234", "@suspect");
        assertThat(V4.toString()).doesNotContain("79.200.13.7", "51234");
        assertThat(V6.toString()).doesNotContain("2003", "40000");
        assertThat(data.ipEntries().toString()).doesNotContain("79.200.13.7", "2003:e1");
    }

    @Test
    void noDataIsNotFoundAndEmpty() {
        TargetData none = TargetData.noData();

        assertThat(none.found()).isFalse();
        assertThat(none.accountId()).isNull();
        assertThat(none.phoneNumber()).isNull();
        assertThat(none.ipEntries()).isEmpty();
        assertThat(none.hasData()).isFalse();
        assertThat(none).hasToString("TargetData[found=false]");
    }

    @Test
    void foundWithoutApprovedDataHasNoData() {
        TargetData data = TargetData.of(100001L, "@demo0001", null, null);

        assertThat(data.found()).isTrue();
        assertThat(data.ipEntries()).isEmpty();
        assertThat(data.hasData()).isFalse();
    }

    @Test
    void ipEntriesAreCopiedAndUnmodifiable() {
        List<TargetData.IpEntry> entries = new ArrayList<>(List.of(V4));
        TargetData data = TargetData.of(1L, "@a", null, entries);
        entries.add(V6);

        assertThat(data.ipEntries()).containsExactly(V4);
        assertThatThrownBy(() -> data.ipEntries().add(V6)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aTargetThatWasNotFoundCannotCarryData() {
        assertThatThrownBy(() -> new TargetData(false, null, null, "+4915112345678", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("4915112345678");
    }
}
