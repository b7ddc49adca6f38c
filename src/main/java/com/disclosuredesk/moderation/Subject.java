package com.disclosuredesk.moderation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reported subject in its normalised form: notices about the same subject join one case, whatever way it was
 * written. {@link #key()} is {@code TYPE:reference} and identifies the subject.
 * <ul>
 *   <li>{@code MESSAGE}: a t.me message link, {@code t.me/<channel>/<message>}: with or without scheme,
 *       {@code www.}, {@code telegram.me}, the web-preview {@code /s/}, a query, a fragment or a trailing slash; the
 *       channel name in any case (Telegram names are case-insensitive); a private channel's {@code t.me/c/<id>/<n>}.</li>
 *   <li>{@code CHANNEL}, {@code GROUP}: {@code t.me/<name>}, {@code @name} or {@code name}, in any case; an invite link
 *       ({@code t.me/+hash}, {@code t.me/joinchat/hash}) keeps its hash as written (it is case-sensitive).</li>
 *   <li>{@code ACCOUNT}: {@code @name}, {@code name} or {@code t.me/name}, in any case.</li>
 *   <li>{@code SEARCH_TERM}: Unicode NFKC, full case folding (ß and SS, ς and σ are one), whitespace collapsed.</li>
 * </ul>
 */
public record Subject(SubjectType type, String reference) {

    public enum SubjectType { MESSAGE, CHANNEL, GROUP, ACCOUNT, SEARCH_TERM }

    /** Telegram usernames and public names: 5-32 of a-z, 0-9, underscore, starting with a letter (some older are 4). */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{3,31}");
    private static final Pattern INVITE = Pattern.compile("(\\+|joinchat/)([A-Za-z0-9_-]{8,64})");
    private static final Pattern MESSAGE_PATH = Pattern.compile("(?:s/)?([A-Za-z][A-Za-z0-9_]{3,31})/(\\d{1,12})");
    private static final Pattern PRIVATE_MESSAGE_PATH = Pattern.compile("c/(\\d{1,16})/(\\d{1,12})");
    private static final Pattern HOST = Pattern.compile("^(?:[a-z][a-z0-9+.-]*://)?(?:www\\.)?(?:t\\.me|telegram\\.me|telegram\\.dog)/", Pattern.CASE_INSENSITIVE);
    public static final int MAX_SEARCH_TERM = 200;

    /** The subject's key: {@code TYPE:reference}. */
    public String key() {
        return type.name() + ":" + reference;
    }

    /**
     * Normalises what a notice names. {@code type} is one of {@link SubjectType}'s names.
     *
     * @throws IllegalArgumentException naming the rule the reference breaks (never the reference itself)
     */
    public static Subject of(String type, String reference) {
        SubjectType subjectType;
        try {
            subjectType = SubjectType.valueOf(type);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("must be one of MESSAGE, CHANNEL, GROUP, ACCOUNT, SEARCH_TERM");
        }
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        String trimmed = reference.strip();
        return switch (subjectType) {
            case MESSAGE -> new Subject(subjectType, message(trimmed));
            case CHANNEL, GROUP -> new Subject(subjectType, chat(trimmed));
            case ACCOUNT -> new Subject(subjectType, account(trimmed));
            case SEARCH_TERM -> new Subject(subjectType, searchTerm(trimmed));
        };
    }

    private static String path(String reference) {
        Matcher host = HOST.matcher(reference);
        if (!host.find()) {
            return null;
        }
        String path = reference.substring(host.end());
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    private static String message(String reference) {
        String path = path(reference);
        if (path == null) {
            throw new IllegalArgumentException("must be a t.me message link (t.me/<channel>/<message number>)");
        }
        Matcher privateMessage = PRIVATE_MESSAGE_PATH.matcher(path);
        if (privateMessage.matches()) {
            return "t.me/c/" + privateMessage.group(1) + "/" + Long.parseLong(privateMessage.group(2));
        }
        Matcher matcher = MESSAGE_PATH.matcher(path);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("must be a t.me message link (t.me/<channel>/<message number>)");
        }
        return "t.me/" + matcher.group(1).toLowerCase(Locale.ROOT) + "/" + Long.parseLong(matcher.group(2));
    }

    private static String chat(String reference) {
        String path = path(reference);
        String name = path != null ? path : reference.startsWith("@") ? reference.substring(1) : reference;
        Matcher invite = INVITE.matcher(name);
        if (path != null && invite.matches()) {
            return "t.me/+" + invite.group(2);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!NAME.matcher(lower).matches()) {
            throw new IllegalArgumentException("must be a public name (t.me/<name> or @name: 4-32 letters, digits or "
                    + "underscores, starting with a letter) or an invite link (t.me/+...)");
        }
        return "t.me/" + lower;
    }

    private static String account(String reference) {
        String path = path(reference);
        String name = path != null ? path : reference.startsWith("@") ? reference.substring(1) : reference;
        String lower = name.toLowerCase(Locale.ROOT);
        if (!NAME.matcher(lower).matches()) {
            throw new IllegalArgumentException("must be a username (@name or t.me/name: 4-32 letters, digits or "
                    + "underscores, starting with a letter)");
        }
        return lower;
    }

    /** NFKC, full case folding (upper then lower case: ß → SS → ss), NFKC again, whitespace collapsed. */
    static String searchTerm(String reference) {
        String folded = Normalizer.normalize(reference, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        folded = Normalizer.normalize(folded, Normalizer.Form.NFKC).replaceAll("[\\s\\p{Z}]+", " ").strip();
        if (folded.isEmpty()) {
            throw new IllegalArgumentException("must not be blank");
        }
        if (folded.codePointCount(0, folded.length()) > MAX_SEARCH_TERM) {
            throw new IllegalArgumentException("must be at most " + MAX_SEARCH_TERM + " characters");
        }
        if (folded.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
            throw new IllegalArgumentException("must not contain control characters");
        }
        return folded;
    }

    private static int indexOfAny(String text, char... chars) {
        int found = -1;
        for (char c : chars) {
            int at = text.indexOf(c);
            if (at >= 0 && (found < 0 || at < found)) {
                found = at;
            }
        }
        return found;
    }
}
