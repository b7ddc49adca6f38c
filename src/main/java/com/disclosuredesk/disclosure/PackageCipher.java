package com.disclosuredesk.disclosure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.disclosuredesk.common.Sha256;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Encrypts disclosure packages at rest with AES-256-GCM. The key comes from configuration
 * ({@code disclosure-desk.disclosure.encryption-key}, base64 of 32 bytes); the demo key is accepted only in
 * the demo profile, and the application refuses to start without a real key in any other profile. The
 * tracking number is bound to the ciphertext as associated data, so a package cannot be moved to another order.
 */
@Component
@EnableConfigurationProperties(DisclosureProperties.class)
public class PackageCipher {

    /** Published in application-demo.yaml: never protects real data. */
    static final String DEMO_KEY = "ZGVtby1rZXktZGlzY2xvc3VyZS1kZXNrLWRlbW8tMDE=";

    private static final byte FORMAT_VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    public PackageCipher(DisclosureProperties settings, Environment environment) {
        String base64Key = settings.encryptionKey();
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException("disclosure-desk.disclosure.encryption-key is not set: give the base64 of a "
                    + "random 32-byte key (for example: openssl rand -base64 32) through the environment "
                    + "(DISCLOSURE_DESK_DISCLOSURE_ENCRYPTION_KEY).");
        }
        if (DEMO_KEY.equals(base64Key.trim()) && !environment.acceptsProfiles(Profiles.of("demo"))) {
            throw new IllegalStateException("The demo encryption key may only be used with the demo profile; "
                    + "set disclosure-desk.disclosure.encryption-key to a real key.");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("disclosure-desk.disclosure.encryption-key is not valid base64.");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("disclosure-desk.disclosure.encryption-key must be 32 bytes (AES-256), not " + raw.length + ".");
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.keyId = Sha256.hex(raw).substring(0, 16);
    }

    /** Identifies the key (not the key itself), stored with each package for rotation. */
    public String keyId() {
        return keyId;
    }

    public byte[] encrypt(byte[] plaintext, String trackingNumber) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(trackingNumber.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(FORMAT_VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt the disclosure package");
        }
    }

    public byte[] decrypt(byte[] stored, String trackingNumber) {
        if (stored.length < 1 + IV_BYTES || stored[0] != FORMAT_VERSION) {
            throw new IllegalStateException("Unknown disclosure package format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, IV_BYTES));
            cipher.updateAAD(trackingNumber.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(stored, 1 + IV_BYTES, stored.length - 1 - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The disclosure package of " + trackingNumber
                    + " cannot be decrypted with the configured key (wrong key, or tampered)");
        }
    }
}
