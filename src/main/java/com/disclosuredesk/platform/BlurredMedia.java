package com.disclosuredesk.platform;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import javax.imageio.ImageIO;

/**
 * A blurred, greyscale copy of a picture, made on the server: what the review form shows before the moderator
 * chooses to see the picture, so that the picture itself is not even sent to the browser until then (and the record
 * of views means "chose to see it"). The picture is shrunk to a few dozen pixels and stretched back, in grey: shapes
 * and layout stay recognisable, details do not.
 */
public final class BlurredMedia {

    /** The shrunk picture's longer side, in pixels. */
    static final int COARSE = 24;
    /** The blurred copy's longer side at most, in pixels. */
    static final int MAX_SIDE = 480;

    private BlurredMedia() {}

    /** The blurred copy as PNG; empty when the bytes are no picture that Java can read. */
    public static Optional<byte[]> png(byte[] picture) {
        BufferedImage source;
        try {
            source = ImageIO.read(new ByteArrayInputStream(picture));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (source == null || source.getWidth() < 1 || source.getHeight() < 1) {
            return Optional.empty();
        }
        double scale = (double) COARSE / Math.max(source.getWidth(), source.getHeight());
        int coarseWidth = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int coarseHeight = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage coarse = new BufferedImage(coarseWidth, coarseHeight, BufferedImage.TYPE_BYTE_GRAY);
        draw(source, coarse);
        double out = Math.min(1.0, (double) MAX_SIDE / Math.max(source.getWidth(), source.getHeight()));
        BufferedImage blurred = new BufferedImage(Math.max(1, (int) Math.round(source.getWidth() * out)),
                Math.max(1, (int) Math.round(source.getHeight() * out)), BufferedImage.TYPE_BYTE_GRAY);
        draw(coarse, blurred);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try {
            ImageIO.write(blurred, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(bytes.toByteArray());
    }

    private static void draw(BufferedImage from, BufferedImage to) {
        Graphics2D g = to.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(from, 0, 0, to.getWidth(), to.getHeight(), null);
        } finally {
            g.dispose();
        }
    }
}
