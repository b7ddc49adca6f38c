package com.disclosuredesk.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders text of a notice or a complaint (decrypted for a moderator) as an SVG "card" that a Camunda Form can show
 * with an {@code <img>} (form-js inserts no HTML of its own from variables, and the text is never a process variable).
 * Every character is XML-escaped; characters that XML 1.0 cannot carry (control characters, lone surrogates) become
 * U+FFFD; lines are wrapped at word boundaries (long words are cut) and the card ends after {@value #MAX_LINES} lines
 * with a note that the text goes on. No scripts, no external references: a card is text and rectangles only.
 */
public final class EvidenceCards {

    /** A titled block of text on the card (a null or empty text is shown as "(none)"). */
    public record Section(String title, String text) {}

    static final int WIDTH = 720;
    static final int COLUMNS = 86;
    static final int MAX_LINES = 80;
    private static final int LINE_HEIGHT = 18;
    private static final int PADDING = 16;

    private EvidenceCards() {}

    /** The card: a heading, then each section's title and its wrapped text. */
    public static String svg(String heading, List<Section> sections) {
        List<String[]> lines = new ArrayList<>(); // {kind, text}: h = heading, t = section title, l = a line of text
        lines.add(new String[] {"h", heading});
        int budget = MAX_LINES;
        for (Section section : sections) {
            lines.add(new String[] {"t", section.title()});
            String text = section.text() == null || section.text().isBlank() ? "(none)" : section.text();
            List<String> wrapped = wrap(text, COLUMNS);
            for (int i = 0; i < wrapped.size(); i++) {
                if (budget == 0) {
                    lines.add(new String[] {"l", "… (" + (wrapped.size() - i) + " more lines not shown)"});
                    break;
                }
                lines.add(new String[] {"l", wrapped.get(i)});
                budget--;
            }
        }
        int height = PADDING * 2 + lines.size() * LINE_HEIGHT + sections.size() * 8;
        StringBuilder svg = new StringBuilder(256 + lines.size() * 100);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" role=\"img\">")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#fbfbfd\" stroke=\"#c9ccd6\"/>")
                .append("<g font-family=\"sans-serif\" font-size=\"14\" fill=\"#1d2333\">");
        int y = PADDING + 14;
        for (String[] line : lines) {
            switch (line[0]) {
                case "h" -> svg.append("<text x=\"").append(PADDING).append("\" y=\"").append(y)
                        .append("\" font-weight=\"bold\" font-size=\"15\">").append(escape(line[1])).append("</text>");
                case "t" -> {
                    y += 8;
                    svg.append("<text x=\"").append(PADDING).append("\" y=\"").append(y)
                            .append("\" font-weight=\"bold\" fill=\"#0b2d5f\">").append(escape(line[1])).append("</text>");
                }
                default -> svg.append("<text x=\"").append(PADDING).append("\" y=\"").append(y)
                        .append("\" xml:space=\"preserve\">").append(escape(line[1])).append("</text>");
            }
            y += LINE_HEIGHT;
        }
        return svg.append("</g></svg>").toString();
    }

    /** Wraps {@code text} at spaces to lines of at most {@code columns} code points; line breaks are kept. */
    static List<String> wrap(String text, int columns) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ", -1)) {
                while (word.codePointCount(0, word.length()) > columns) {
                    if (line.length() > 0) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    int cut = word.offsetByCodePoints(0, columns);
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                int needed = line.codePointCount(0, line.length()) + (line.length() > 0 ? 1 : 0)
                        + word.codePointCount(0, word.length());
                if (line.length() > 0 && needed > columns) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** XML-escapes {@code text} for element content and attributes; characters XML 1.0 forbids become U+FFFD. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
                    if (!allowed || (c >= 0x7F && c <= 0x9F)) {
                        out.append('\uFFFD');
                    } else if (c == 0x9) {
                        out.append(' ');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
