package com.disclosuredesk.moderation;

import java.nio.charset.StandardCharsets;

import com.disclosuredesk.disclosure.PackageCipher;

import org.springframework.stereotype.Component;

/**
 * Seals the personal data of part two (a notifier's name and email, a notice's explanation and evidence text, a
 * complaint's text) with the application's AES-256-GCM key (the key of disclosure packages, {@link PackageCipher}).
 * The associated data binds each value to its row and column ({@code notice:<id>:<field>}), so that a sealed value
 * copied to another row or column does not decrypt.
 */
@Component
public class NoticeSeal {

    /** The sealed fields, each with its own associated data. */
    public enum Field { NOTIFIER, EXPLANATION, EVIDENCE, COMPLAINT_TEXT }

    private final PackageCipher cipher;

    public NoticeSeal(PackageCipher cipher) {
        this.cipher = cipher;
    }

    public byte[] seal(Field field, long rowId, String value) {
        return value == null ? null : cipher.encrypt(value.getBytes(StandardCharsets.UTF_8), associatedData(field, rowId));
    }

    public String open(Field field, long rowId, byte[] sealed) {
        return sealed == null ? null : new String(cipher.decrypt(sealed, associatedData(field, rowId)), StandardCharsets.UTF_8);
    }

    private static String associatedData(Field field, long rowId) {
        return (field == Field.COMPLAINT_TEXT ? "complaint:" : "notice:") + rowId + ":" + field.name().toLowerCase(java.util.Locale.ROOT);
    }
}
