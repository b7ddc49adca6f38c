package com.disclosuredesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** The demo content: its composition, the fixed subjects that docs name, determinism, and the generated pictures. */
class DemoContentGeneratorTest {

    static final Instant ANCHOR = Instant.parse("2026-12-05T12:00:00Z");
    static final List<DemoContentGenerator.Account> ACCOUNTS = IntStream.rangeClosed(1, 50)
            .mapToObj(n -> new DemoContentGenerator.Account(100_000L + n, String.format("@demo%04d", n))).toList();

    @Test
    void threeHundredSubjectsOfEveryKind() {
        List<DemoContentGenerator.Item> items = new DemoContentGenerator().generate(300, ACCOUNTS, ANCHOR);
        assertThat(items).hasSize(300);
        assertThat(items.stream().map(DemoContentGenerator.Item::subjectKey).distinct()).hasSize(300);
        Map<String, Long> byType = items.stream().collect(Collectors.groupingBy(i -> i.subjectKey().split(":", 2)[0],
                Collectors.counting()));
        assertThat(byType).containsEntry("CHANNEL", 30L).containsEntry("GROUP", 15L).containsEntry("ACCOUNT", 30L)
                .containsEntry("MESSAGE", 225L);
        assertThat(items).allSatisfy(item -> {
            assertThat(item.createdAt()).isBefore(ANCHOR).isAfter(ANCHOR.minus(DemoContentGenerator.WINDOW).minusSeconds(61));
            assertThat(ACCOUNTS.stream().map(DemoContentGenerator.Account::id)).contains(item.ownerAccountId());
        });
        long withMedia = items.stream().filter(i -> i.imageNumber() > 0).count();
        assertThat(withMedia).as("many messages carry a picture").isBetween(60L, 150L);
        assertThat(items.stream().filter(i -> i.imageNumber() > 0).map(DemoContentGenerator.Item::contentType))
                .containsOnly("CONTENT_TYPE_IMAGE");
        assertThat(items.stream().mapToInt(DemoContentGenerator.Item::imageNumber).max().orElseThrow())
                .isEqualTo(DemoContentGenerator.DISTINCT_IMAGES);
    }

    @Test
    void theSubjectsThatDocsNameAreFixed() {
        Map<String, DemoContentGenerator.Item> byKey = new DemoContentGenerator().generate(300, ACCOUNTS, ANCHOR).stream()
                .collect(Collectors.toMap(DemoContentGenerator.Item::subjectKey, Function.identity()));
        // keys as moderation.Subject normalises what a notice names
        assertThat(byKey.get("MESSAGE:t.me/demo_news_001/1").imageNumber()).isEqualTo(1);
        assertThat(byKey.get("MESSAGE:t.me/demo_news_002/1").imageNumber()).isEqualTo(2);
        assertThat(byKey.get("MESSAGE:t.me/demo_news_003/1").imageNumber()).isEqualTo(3);
        assertThat(byKey.get("MESSAGE:t.me/demo_news_001/2").imageNumber()).isZero();
        assertThat(byKey.get("MESSAGE:t.me/demo_news_001/2").text()).contains("demo_news_001");
        assertThat(byKey.get("MESSAGE:t.me/demo_news_001/1").ownerAccountId()).isEqualTo(100_001L);
        assertThat(byKey.get("CHANNEL:t.me/demo_news_001").ownerAccountId()).isEqualTo(100_001L);
        assertThat(byKey.get("GROUP:t.me/demo_group_002").ownerAccountId()).isEqualTo(100_002L);
        assertThat(byKey.get("ACCOUNT:demo0007").ownerAccountId()).isEqualTo(100_007L);
        assertThat(byKey.get("CHANNEL:t.me/demo_news_001").text()).isNull();
    }

    @Test
    void theSameSeedGivesTheSameContentAnotherSeedOtherContent() {
        assertThat(new DemoContentGenerator().generate(120, ACCOUNTS, ANCHOR))
                .isEqualTo(new DemoContentGenerator().generate(120, ACCOUNTS, ANCHOR))
                .isNotEqualTo(new DemoContentGenerator(7).generate(120, ACCOUNTS, ANCHOR));
    }

    @Test
    void fewSubjectsAndFewAccountsStillWork() {
        List<DemoContentGenerator.Item> items = new DemoContentGenerator().generate(3, ACCOUNTS.subList(0, 1), ANCHOR);
        assertThat(items).extracting(DemoContentGenerator.Item::subjectKey)
                .containsExactly("CHANNEL:t.me/demo_news_001", "MESSAGE:t.me/demo_news_001/1", "MESSAGE:t.me/demo_news_001/2");
        assertThatThrownBy(() -> new DemoContentGenerator().generate(10, List.of(), ANCHOR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DemoContentGenerator().generate(0, ACCOUNTS, ANCHOR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void picturesArePngsOfTheirSizeDeterministicAndDistinct() throws IOException {
        byte[] first = DemoImages.png(17, DemoContentGenerator.DEFAULT_SEED);
        assertThat(first).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(first));
        assertThat(image.getWidth()).isEqualTo(DemoImages.WIDTH);
        assertThat(image.getHeight()).isEqualTo(DemoImages.HEIGHT);
        assertThat(DemoImages.png(17, DemoContentGenerator.DEFAULT_SEED)).isEqualTo(first);
        Set<Integer> colours = IntStream.range(0, 40).mapToObj(x -> image.getRGB(x * 12, 100)).collect(Collectors.toSet());
        assertThat(colours.size()).as("not a flat picture").isGreaterThan(5);
        assertThat(DemoImages.png(18, DemoContentGenerator.DEFAULT_SEED)).isNotEqualTo(first);
        // the caption band: white pixels of the pixel font on the dark band
        long white = IntStream.range(0, DemoImages.WIDTH).filter(x -> (image.getRGB(x, DemoImages.HEIGHT - 40) & 0xFFFFFF) == 0xFFFFFF).count();
        assertThat(white).isPositive();
        assertThat(DemoImages.caption(17)).isEqualTo("demo image 17");
        assertThatThrownBy(() -> DemoImages.png(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
