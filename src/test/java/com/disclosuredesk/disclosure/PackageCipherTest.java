package com.disclosuredesk.disclosure;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PackageCipherTest {

    private static final String REAL_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII));
    private static final byte[] PACKAGE = "{\"ip\":\"203.0.113.7\",\"phoneNumber\":\"+4915112345678\"}".getBytes(StandardCharsets.UTF_8);

    private static DisclosureProperties key(String base64Key) {
        return new DisclosureProperties(base64Key, Duration.ofDays(30));
    }

    private static MockEnvironment profile(String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return environment;
    }

    @Test
    void encryptsAndDecryptsAPackageBoundToItsOrder() {
        PackageCipher cipher = new PackageCipher(key(REAL_KEY), profile("prod"));
        byte[] sealed = cipher.encrypt(PACKAGE, "LO-2026-000001");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("203.0.113.7").doesNotContain("4915112345678");
        assertThat(cipher.decrypt(sealed, "LO-2026-000001")).isEqualTo(PACKAGE);
        assertThat(cipher.encrypt(PACKAGE, "LO-2026-000001")).isNotEqualTo(sealed); // a fresh IV every time
    }

    @Test
    void refusesAPackageMovedToAnotherOrderOrTampered() {
        PackageCipher cipher = new PackageCipher(key(REAL_KEY), profile("prod"));
        byte[] sealed = cipher.encrypt(PACKAGE, "LO-2026-000001");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "LO-2026-000002")).hasMessageContaining("cannot be decrypted");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed, "LO-2026-000001")).hasMessageContaining("cannot be decrypted");
    }

    @Test
    void anotherKeyCannotReadIt() {
        byte[] sealed = new PackageCipher(key(REAL_KEY), profile("prod")).encrypt(PACKAGE, "LO-2026-000001");
        PackageCipher other = new PackageCipher(key(PackageCipher.DEMO_KEY), profile("demo"));
        assertThatThrownBy(() -> other.decrypt(sealed, "LO-2026-000001")).isInstanceOf(IllegalStateException.class);
        assertThat(other.keyId()).isNotEqualTo(new PackageCipher(key(REAL_KEY), profile("prod")).keyId()).hasSize(16);
    }

    @Test
    void startsOnlyWithARealKeyOutsideTheDemoProfile() {
        assertThatThrownBy(() -> new PackageCipher(key(""), profile("prod"))).hasMessageContaining("is not set");
        assertThatThrownBy(() -> new PackageCipher(key(PackageCipher.DEMO_KEY), profile("prod")))
                .hasMessageContaining("only be used with the demo profile");
        assertThatThrownBy(() -> new PackageCipher(key("c2hvcnQ="), profile("prod"))).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new PackageCipher(key("not base64!"), profile("prod"))).hasMessageContaining("base64");
        assertThat(new PackageCipher(key(PackageCipher.DEMO_KEY), profile("demo", "test")).keyId()).hasSize(16);
    }
}
