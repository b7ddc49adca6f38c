package com.disclosuredesk.platform;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

/**
 * Generates the demo content's "captured media": harmless abstract pictures (a colour gradient, a few translucent
 * shapes) with a caption such as {@code demo image 17}, as PNG. Java2D only, in memory: no network, no files, no
 * fonts (the caption is drawn from a small built-in pixel font, so a machine without installed fonts renders the
 * same picture). The same number gives the same bytes on the same Java runtime.
 */
public final class DemoImages {

    public static final int WIDTH = 480;
    public static final int HEIGHT = 320;
    public static final String MEDIA_TYPE = "image/png";

    /** 5×7 glyphs of the caption's characters, one string of five bits per row. */
    private static final Map<Character, String[]> GLYPHS = Map.ofEntries(
            Map.entry('0', new String[] {"01110", "10001", "10011", "10101", "11001", "10001", "01110"}),
            Map.entry('1', new String[] {"00100", "01100", "00100", "00100", "00100", "00100", "01110"}),
            Map.entry('2', new String[] {"01110", "10001", "00001", "00010", "00100", "01000", "11111"}),
            Map.entry('3', new String[] {"11110", "00001", "00001", "01110", "00001", "00001", "11110"}),
            Map.entry('4', new String[] {"00010", "00110", "01010", "10010", "11111", "00010", "00010"}),
            Map.entry('5', new String[] {"11111", "10000", "11110", "00001", "00001", "10001", "01110"}),
            Map.entry('6', new String[] {"00110", "01000", "10000", "11110", "10001", "10001", "01110"}),
            Map.entry('7', new String[] {"11111", "00001", "00010", "00100", "01000", "01000", "01000"}),
            Map.entry('8', new String[] {"01110", "10001", "10001", "01110", "10001", "10001", "01110"}),
            Map.entry('9', new String[] {"01110", "10001", "10001", "01111", "00001", "00010", "01100"}),
            Map.entry('a', new String[] {"00000", "00000", "01110", "00001", "01111", "10001", "01111"}),
            Map.entry('d', new String[] {"00001", "00001", "01101", "10011", "10001", "10001", "01111"}),
            Map.entry('e', new String[] {"00000", "00000", "01110", "10001", "11111", "10000", "01110"}),
            Map.entry('g', new String[] {"00000", "01111", "10001", "10001", "01111", "00001", "01110"}),
            Map.entry('i', new String[] {"00100", "00000", "01100", "00100", "00100", "00100", "01110"}),
            Map.entry('m', new String[] {"00000", "00000", "11010", "10101", "10101", "10101", "10101"}),
            Map.entry('o', new String[] {"00000", "00000", "01110", "10001", "10001", "10001", "01110"}),
            Map.entry(' ', new String[] {"00000", "00000", "00000", "00000", "00000", "00000", "00000"}));

    private DemoImages() {}

    /** The caption of picture {@code number}. */
    public static String caption(int number) {
        return "demo image " + number;
    }

    /** Picture {@code number} (from 1) as PNG bytes; {@code seed} varies the shapes and colours. */
    public static byte[] png(int number, long seed) {
        if (number < 1) {
            throw new IllegalArgumentException("number must be positive");
        }
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + number);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            float hue = random.nextInt(360) / 360f;
            g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.45f, 0.95f), WIDTH, HEIGHT,
                    Color.getHSBColor((hue + 0.25f) % 1f, 0.6f, 0.7f)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int shapes = 4 + random.nextInt(5);
            for (int i = 0; i < shapes; i++) {
                Color base = Color.getHSBColor((hue + random.nextInt(100) / 100f) % 1f, 0.5f + random.nextInt(50) / 100f,
                        0.6f + random.nextInt(40) / 100f);
                g.setColor(new Color(base.getRed(), base.getGreen(), base.getBlue(), 110 + random.nextInt(120)));
                int x = random.nextInt(WIDTH - 60);
                int y = random.nextInt(HEIGHT - 100);
                int w = 40 + random.nextInt(200);
                int h = 40 + random.nextInt(160);
                switch (random.nextInt(3)) {
                    case 0 -> g.fillOval(x, y, w, h);
                    case 1 -> g.fillRoundRect(x, y, w, h, 24, 24);
                    default -> g.fillPolygon(new int[] {x, x + w, x + w / 2}, new int[] {y + h, y + h, y}, 3);
                }
            }
            g.setStroke(new BasicStroke(3f));
            g.setColor(new Color(255, 255, 255, 140));
            g.drawOval(WIDTH / 2 - 70 + random.nextInt(60), 40 + random.nextInt(60), 100 + random.nextInt(80), 100);
            // the caption on a dark band
            g.setColor(new Color(20, 20, 30, 200));
            g.fillRect(0, HEIGHT - 52, WIDTH, 52);
            drawText(g, caption(number), 16, HEIGHT - 42, 4, Color.WHITE);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Draws {@code text} in the pixel font, each dot {@code scale}×{@code scale} pixels. */
    private static void drawText(Graphics2D g, String text, int x, int y, int scale, Color color) {
        g.setColor(color);
        int cursor = x;
        for (char c : text.toCharArray()) {
            String[] rows = GLYPHS.get(c);
            if (rows == null) {
                throw new IllegalArgumentException("no glyph for '" + c + "'");
            }
            for (int row = 0; row < rows.length; row++) {
                for (int column = 0; column < 5; column++) {
                    if (rows[row].charAt(column) == '1') {
                        g.fillRect(cursor + column * scale, y + row * scale, scale, scale);
                    }
                }
            }
            cursor += 6 * scale;
        }
    }
}
