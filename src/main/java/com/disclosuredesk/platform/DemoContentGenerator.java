package com.disclosuredesk.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import com.disclosuredesk.moderation.Subject;

/**
 * The demo content that can be reported (the embedded platform's {@code pc_content}): public channels
 * ({@code t.me/demo_news_001} …), groups ({@code t.me/demo_group_001} …), the messages in those channels and the demo
 * accounts themselves ({@code @demo0001} …), each owned by a demo subscriber account. Deterministic: the same seed,
 * count, accounts and anchor give the same content. Harmless generated text; many messages carry a generated picture
 * ({@link DemoImages}).
 *
 * <p>Fixed, for the walk-through and tests: of {@code n} subjects, a tenth are channels, a twentieth groups, a tenth
 * accounts (at most as many as there are demo accounts), the rest messages, spread over the channels in turn. The
 * first message of every channel ({@code t.me/demo_news_001/1}, {@code t.me/demo_news_002/1}, …) has media
 * (channel k's first message shows {@code demo image k}, for k up to {@value #DISTINCT_IMAGES}), the second
 * ({@code t.me/demo_news_001/2}) has none, the others have media with a probability of 40%. Channel k, its messages
 * and group k are owned by demo account ((k - 1) mod owners) + 1; an account subject by itself.
 */
public final class DemoContentGenerator {

    public static final long DEFAULT_SEED = 20_261_205L;
    /** At most this many distinct pictures: later messages with media show them again (a repost). */
    public static final int DISTINCT_IMAGES = 40;
    /** Content was posted in the 90 days before the anchor. */
    static final Duration WINDOW = Duration.ofDays(90);

    private static final String[] TEMPLATES = {
        "Morning update from %s: light rain expected, %d degrees in the afternoon.",
        "%s: the community garden opens again on Saturday at %d o'clock.",
        "Market notes (%s): bread prices steady, apples down %d percent this week.",
        "%s reminds you: the library is closed on Monday, back on Tuesday at %d.",
        "Photo of the day from %s, number %d in our series on city parks.",
        "Traffic in %s: the bridge is open again, delays of about %d minutes.",
        "%s quiz: how many bicycles cross the main square per hour? Guess: %d.",
        "Recipe corner at %s: vegetable soup for %d people, ready in 40 minutes."
    };

    /** A demo account that owns content: its id and its username ({@code @demo0001}). */
    public record Account(long id, String username) {}

    /**
     * One subject of {@code pc_content}.
     *
     * @param imageNumber the picture posted with it ({@link DemoImages#png}), or 0 for none
     */
    public record Item(String subjectKey, long ownerAccountId, String contentType, String text, int imageNumber,
                       Instant createdAt) {}

    private final long seed;

    public DemoContentGenerator() {
        this(DEFAULT_SEED);
    }

    public DemoContentGenerator(long seed) {
        this.seed = seed;
    }

    /** Channel k's public name: {@code demo_news_001}. */
    public static String channelName(int k) {
        return String.format(Locale.ROOT, "demo_news_%03d", k);
    }

    /** Group k's public name: {@code demo_group_001}. */
    public static String groupName(int k) {
        return String.format(Locale.ROOT, "demo_group_%03d", k);
    }

    /** {@code subjects} demo subjects owned by {@code accounts} (at least one), posted before {@code anchor}. */
    public List<Item> generate(int subjects, List<Account> accounts, Instant anchor) {
        if (subjects < 1) {
            throw new IllegalArgumentException("subjects must be positive");
        }
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("demo content needs at least one demo account to own it");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int channels = Math.max(1, subjects / 10);
        int groups = Math.min(subjects - channels, subjects / 20);
        int accountSubjects = Math.min(Math.min(accounts.size(), subjects / 10), subjects - channels - groups);
        int messages = subjects - channels - groups - accountSubjects;
        List<Item> items = new ArrayList<>(subjects);
        for (int k = 1; k <= channels; k++) {
            items.add(new Item(Subject.of("CHANNEL", channelName(k)).key(), owner(accounts, k).id(), "CONTENT_TYPE_OTHER",
                    null, 0, posted(random, anchor)));
        }
        for (int k = 1; k <= groups; k++) {
            items.add(new Item(Subject.of("GROUP", groupName(k)).key(), owner(accounts, k).id(), "CONTENT_TYPE_OTHER",
                    null, 0, posted(random, anchor)));
        }
        for (int k = 1; k <= accountSubjects; k++) {
            Account account = accounts.get(k - 1);
            items.add(new Item(Subject.of("ACCOUNT", account.username()).key(), account.id(), "CONTENT_TYPE_OTHER",
                    null, 0, posted(random, anchor)));
        }
        int withMedia = 0;
        for (int j = 1; j <= messages; j++) {
            int channel = (j - 1) % channels + 1;
            int number = (j - 1) / channels + 1;
            boolean media = number == 1 || (number != 2 && random.nextInt(100) < 40);
            int image = 0;
            if (media) {
                withMedia++;
                image = (withMedia - 1) % DISTINCT_IMAGES + 1;
            }
            String text = String.format(Locale.ROOT, TEMPLATES[random.nextInt(TEMPLATES.length)], channelName(channel),
                    2 + random.nextInt(20));
            items.add(new Item(Subject.of("MESSAGE", "https://t.me/" + channelName(channel) + "/" + number).key(),
                    owner(accounts, channel).id(), media ? "CONTENT_TYPE_IMAGE" : "CONTENT_TYPE_TEXT", text, image,
                    posted(random, anchor)));
        }
        return items;
    }

    private static Account owner(List<Account> accounts, int k) {
        return accounts.get((k - 1) % accounts.size());
    }

    private static Instant posted(SplittableRandom random, Instant anchor) {
        return anchor.minusSeconds(60L + random.nextLong(WINDOW.toSeconds())).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
