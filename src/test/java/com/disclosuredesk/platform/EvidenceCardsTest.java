package com.disclosuredesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** SVG cards: well-formed XML whatever the text, escaped, wrapped, cut after the last line. */
class EvidenceCardsTest {

    @Test
    void markupInTheTextIsEscapedAndTheCardIsWellFormed() throws Exception {
        String svg = EvidenceCards.svg("Notice 1", List.of(new EvidenceCards.Section("Explanation",
                "<script>alert('x')</script> & \"quoted\" ]]> \u0000\u0007 \uD800 end")));
        assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;")
                .contains("\uFFFD");
        Document document = parse(svg);
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(document.getElementsByTagName("script").getLength()).isZero();
        assertThat(document.getDocumentElement().getTextContent()).contains("<script>alert('x')</script> & \"quoted\"");
    }

    @Test
    void longTextIsWrappedAndCut() throws Exception {
        String word = "abcdefghij ";
        List<String> lines = EvidenceCards.wrap(word.repeat(30).strip(), 40);
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(40));
        assertThat(String.join(" ", lines)).isEqualTo(word.repeat(30).strip());
        assertThat(EvidenceCards.wrap("x".repeat(100), 40)).containsExactly("x".repeat(40), "x".repeat(40), "x".repeat(20));
        assertThat(EvidenceCards.wrap("one\ntwo", 40)).containsExactly("one", "two");

        String svg = EvidenceCards.svg("Long", List.of(new EvidenceCards.Section("Text", "line\n".repeat(200))));
        assertThat(parse(svg).getElementsByTagName("text").getLength()).isEqualTo(1 + 1 + EvidenceCards.MAX_LINES + 1);
        assertThat(svg).contains("more lines not shown");
        assertThat(EvidenceCards.svg("Empty", List.of(new EvidenceCards.Section("Evidence", null)))).contains("(none)");
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
