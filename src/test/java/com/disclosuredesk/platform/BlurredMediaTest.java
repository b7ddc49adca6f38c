package com.disclosuredesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** The blurred copy: grey, of the same size, without the picture's fine detail; no picture, no copy. */
class BlurredMediaTest {

    @Test
    void theCopyIsGreyAndLosesTheDetail() throws IOException {
        byte[] original = DemoImages.png(3, DemoContentGenerator.DEFAULT_SEED);
        BufferedImage blurred = ImageIO.read(new ByteArrayInputStream(BlurredMedia.png(original).orElseThrow()));
        assertThat(blurred.getWidth()).isEqualTo(DemoImages.WIDTH);
        assertThat(blurred.getHeight()).isEqualTo(DemoImages.HEIGHT);
        for (int x = 0; x < blurred.getWidth(); x += 37) {
            int rgb = blurred.getRGB(x, 150);
            assertThat((rgb >> 16) & 0xFF).isEqualTo((rgb >> 8) & 0xFF).isEqualTo(rgb & 0xFF);
        }
        // the caption's pixel font: sharp white-on-dark steps in the original, none left in the copy
        BufferedImage sharp = ImageIO.read(new ByteArrayInputStream(original));
        assertThat(largestStep(sharp, DemoImages.HEIGHT - 40)).isGreaterThan(150);
        assertThat(largestStep(blurred, DemoImages.HEIGHT - 40)).isLessThan(60);
    }

    @Test
    void notAPictureGivesNothing() {
        assertThat(BlurredMedia.png("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes())).isEmpty();
        assertThat(BlurredMedia.png(new byte[0])).isEmpty();
    }

    /** The largest change of brightness between neighbouring pixels of a row. */
    private static int largestStep(BufferedImage image, int y) {
        int largest = 0;
        for (int x = 1; x < image.getWidth(); x++) {
            largest = Math.max(largest, Math.abs(grey(image.getRGB(x, y)) - grey(image.getRGB(x - 1, y))));
        }
        return largest;
    }

    private static int grey(int rgb) {
        return (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / 3;
    }
}
