package com.disclosuredesk.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "+4915112345678",
        "+49 151 1234-5678",
        "+49 151 12345678",
        "  +49-151-1234-5678 ",
        "+49 (151) 1234 5678",
        "+49 (0)151 12345678",
        "0049 151 12345678",
        "0049 (0) 151 / 1234 5678",
        "+49.151.1234.5678",
        "(+49) 151 12345678",
        "+49\u00a0151\u00a012345678",
        "+49 151 1234\u20135678",
    })
    void writtenFormsOfTheSameNumberNormalizeToOneE164Number(String written) {
        assertThat(PhoneNumbers.normalizeE164(written)).isEqualTo("+4915112345678");
        assertThat(PhoneNumbers.tryNormalizeE164(written)).contains("+4915112345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 (212) 555-0142", "001 212 555 0142", "+1.212.555.0142"})
    void northAmericanNumbers(String written) {
        assertThat(PhoneNumbers.normalizeE164(written)).isEqualTo("+12125550142");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "   ",
        "015112345678",          // national form: the country is unknown
        "+0151 12345678",        // country codes do not start with 0
        "+49 151 1234567a",
        "+49 151 1234 5678 999", // 16 digits: longer than E.164 allows
        "+12345",                // too short
        "++4915112345678",
        "+49+15112345678",
        "tel:+4915112345678",
    })
    void numbersThatAreNotE164AreRejectedWithoutEchoingThem(String written) {
        assertThatThrownBy(() -> PhoneNumbers.normalizeE164(written))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("[0-9]{4}"));
        assertThat(PhoneNumbers.tryNormalizeE164(written)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+4915112345678", "+12125550142", "+380501234567", "+5511912345678"})
    void isE164AcceptsOnlyTheBareForm(String e164) {
        assertThat(PhoneNumbers.isE164(e164)).isTrue();
        assertThat(PhoneNumbers.isE164(e164.substring(0, 3) + " " + e164.substring(3))).isFalse();
        assertThat(PhoneNumbers.isE164(null)).isFalse();
    }
}
