package com.disclosuredesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import com.disclosuredesk.common.Sequences;
import com.disclosuredesk.common.Sha256;
import com.disclosuredesk.moderation.CaseRepository;
import com.disclosuredesk.moderation.NoticeSeal;
import com.disclosuredesk.support.DisclosureDeskHttpTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The evidence endpoints as Tasklist's forms load them: signed in to Tasklist (the web apps' session), moderators and
 * moderation leads get the cards and the media; other staff 403, no session 401, nothing about the case before that;
 * ids of another case 404; the text escaped; never the notifier's name or email. Also: the demo content is there.
 */
@DisclosureDeskHttpTest
class EvidenceHttpTest {

    static final String NAME = "Anna Q. Reporter";
    static final String EMAIL = "anna.reporter@mail.example";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseRepository cases;
    @Autowired
    NoticeSeal seal;
    @Autowired
    Sequences sequences;
    @Autowired
    DemoContentLoader loader;

    @Test
    void theDemoContentIsLoadedWithPictures() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pc_content").query(Long.class).single()).isGreaterThanOrEqualTo(300L);
        assertThat(jdbc.sql("""
                SELECT c.owner_account_id FROM pc_content c JOIN pc_media m ON m.sha256 = c.media_sha256
                WHERE c.subject_key = 'MESSAGE:t.me/demo_news_001/1' AND m.media_type = 'image/png'
                """).query(Long.class).single()).isEqualTo(100_001L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pc_media").query(Long.class).single())
                .isGreaterThanOrEqualTo((long) DemoContentGenerator.DISTINCT_IMAGES);
        assertThat(jdbc.sql("SELECT media_sha256 FROM pc_content WHERE subject_key = 'MESSAGE:t.me/demo_news_001/2'")
                .query(String.class).optional()).isEmpty();
        // a second start adds nothing
        long before = jdbc.sql("SELECT COUNT(*) FROM pc_content").query(Long.class).single();
        assertThat(loader.loadOnce()).isEqualTo(-1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pc_content").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aModeratorSeesTheNoticeCardEscapedAndWithoutTheNotifier() {
        String caseNumber = newCase("MESSAGE:t.me/demo_news_004/7");
        long notice = notice(caseNumber, "MESSAGE:t.me/demo_news_004/7",
                "It says <script>alert('pwned')</script> & calls for violence", "the post: \"meet at the square\"", null);
        ResponseEntity<String> card = get(path(caseNumber, notice, "evidence.svg"), signIn("moderator"), String.class);
        assertThat(card.getStatusCode().value()).isEqualTo(200);
        assertThat(card.getHeaders().getContentType().toString()).startsWith("image/svg+xml");
        assertNoStoreNoSniff(card);
        assertThat(card.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'").contains("sandbox")
                .doesNotContain("script-src");
        assertThat(card.getBody()).startsWith("<svg").doesNotContain("<script")
                .contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; &amp; calls for violence")
                .contains("the post: &quot;meet at the square&quot;")
                .doesNotContain(NAME).doesNotContain(EMAIL).doesNotContain("anna");
    }

    @Test
    void aModeratorSeesTheNoticesMediaAndTheViewIsRecorded() {
        byte[] png = DemoImages.png(333, 5);
        String sha256 = Sha256.hex(png);
        jdbc.sql("INSERT INTO pc_media (sha256, media_type, content) VALUES (?, 'image/png', ?)").params(sha256, png).update();
        String caseNumber = newCase("MESSAGE:t.me/demo_news_005/9");
        long notice = notice(caseNumber, "MESSAGE:t.me/demo_news_005/9", "an image of a weapon", "caption", sha256);

        ResponseEntity<byte[]> media = get(path(caseNumber, notice, "media"), signIn("moderator2"), byte[].class);
        assertThat(media.getStatusCode().value()).isEqualTo(200);
        assertThat(media.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(media.getBody()).isEqualTo(png);
        assertNoStoreNoSniff(media);
        assertThat(jdbc.sql("SELECT viewed_by FROM pc_media_view WHERE notice_id = ?").param(notice).query(String.class).list())
                .containsExactly("moderator2");

        // the blurred copy the form shows first: another PNG, and not recorded as a view
        ResponseEntity<byte[]> blurred = get(path(caseNumber, notice, "media?view=blurred"), signIn("moderator"), byte[].class);
        assertThat(blurred.getStatusCode().value()).isEqualTo(200);
        assertThat(blurred.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(blurred.getBody()).startsWith(0x89, 'P', 'N', 'G').isNotEqualTo(png);
        assertNoStoreNoSniff(blurred);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pc_media_view WHERE notice_id = ?").param(notice).query(Long.class).single())
                .isEqualTo(1L);
        assertThat(get(path(caseNumber, notice, "media?view=blurred"), signIn("analyst"), byte[].class)
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void withoutMediaOfItsOwnTheNoticeShowsTheSubjectsMediaElse404() {
        String withPicture = newCase("MESSAGE:t.me/demo_news_001/1");
        long first = notice(withPicture, "MESSAGE:t.me/demo_news_001/1", "see the picture", null, null);
        ResponseEntity<byte[]> media = get(path(withPicture, first, "media"), signIn("modlead"), byte[].class);
        assertThat(media.getStatusCode().value()).isEqualTo(200);
        String expected = jdbc.sql("SELECT media_sha256 FROM pc_content WHERE subject_key = 'MESSAGE:t.me/demo_news_001/1'")
                .query(String.class).single();
        assertThat(Sha256.hex(media.getBody())).isEqualTo(expected);

        String textOnly = newCase("MESSAGE:t.me/demo_news_001/2");
        long second = notice(textOnly, "MESSAGE:t.me/demo_news_001/2", "a text post", null, null);
        ResponseEntity<byte[]> none = get(path(textOnly, second, "media"), signIn("moderator"), byte[].class);
        assertThat(none.getStatusCode().value()).isEqualTo(404);
        assertThat(none.getBody()).isNull();
    }

    @Test
    void otherStaffAre403AndNoSessionIs401WithNothingOfTheCase() {
        String caseNumber = newCase("MESSAGE:t.me/demo_news_006/3");
        long notice = notice(caseNumber, "MESSAGE:t.me/demo_news_006/3", "secret explanation text", "secret evidence", null);
        for (String user : new String[] {"analyst", "approver", "admin"}) {
            HttpHeaders session = signIn(user);
            for (String what : new String[] {"evidence.svg", "media"}) {
                ResponseEntity<String> refused = get(path(caseNumber, notice, what), session, String.class);
                assertThat(refused.getStatusCode().value()).as("%s %s", user, what).isEqualTo(403);
                assertThat(refused.getBody()).isNull();
            }
        }
        for (String what : new String[] {"evidence.svg", "media"}) {
            ResponseEntity<String> anonymous = get(path(caseNumber, notice, what), new HttpHeaders(), String.class);
            assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
            assertThat(anonymous.getBody()).isNull();
            // an unknown case is 401 too: nothing is looked up before the sign-in
            assertThat(get("/moderation/cases/CR-1999-999999/notices/1/" + what, new HttpHeaders(), String.class)
                    .getStatusCode().value()).isEqualTo(401);
        }
        // HTTP basic is not the web apps' session
        HttpHeaders basic = com.disclosuredesk.support.ApiRequests.signedIn("moderator");
        assertThat(get(path(caseNumber, notice, "evidence.svg"), basic, String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aNoticeOrComplaintOfAnotherCaseIs404() {
        String mine = newCase("MESSAGE:t.me/demo_news_007/4");
        String other = newCase("MESSAGE:t.me/demo_news_008/4");
        long notice = notice(other, "MESSAGE:t.me/demo_news_008/4", "of the other case", null, null);
        long complaint = complaint(other, "a complaint about the other case");
        HttpHeaders session = signIn("moderator");
        assertThat(get(path(mine, notice, "evidence.svg"), session, String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(get(path(mine, notice, "media"), session, String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(get("/moderation/cases/" + mine + "/complaints/" + complaint + "/text.svg", session, String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(get("/moderation/cases/" + mine + "/notices/abc/evidence.svg", session, String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(get(path(other, notice, "evidence.svg"), session, String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aModeratorSeesTheComplaintTextEscaped() {
        String caseNumber = newCase("MESSAGE:t.me/demo_news_009/2");
        long complaint = complaint(caseNumber, "My post was satire </text><script>x()</script>");
        ResponseEntity<String> card = get("/moderation/cases/" + caseNumber + "/complaints/" + complaint + "/text.svg",
                signIn("moderator"), String.class);
        assertThat(card.getStatusCode().value()).isEqualTo(200);
        assertThat(card.getBody()).contains("My post was satire &lt;/text&gt;&lt;script&gt;x()&lt;/script&gt;")
                .doesNotContain("<script");
        assertNoStoreNoSniff(card);
        assertThat(get("/moderation/cases/" + caseNumber + "/complaints/" + complaint + "/text.svg", signIn("analyst"),
                String.class).getStatusCode().value()).isEqualTo(403);
    }

    // --- set-up: cases, notices and complaints straight into the tables, sealed as intake seals them

    private String newCase(String subjectKey) {
        String caseNumber = cases.nextCaseNumber();
        String[] parts = subjectKey.split(":", 2);
        cases.insert(caseNumber, subjectKey, parts[0], parts[1], "RISK_FOR_PUBLIC_SECURITY", "THREAT_TO_LIFE", "DE", false);
        return caseNumber;
    }

    private long notice(String caseNumber, String subjectKey, String explanation, String evidence, String mediaSha256) {
        long id = sequences.next("cr_notice_seq");
        jdbc.sql("""
                INSERT INTO cr_notice (id, gateway, external_id, source_type, case_number, subject_type, subject_key, category,
                    specification, country, notifier_ref, anonymous, notifier_sealed, explanation_sealed, evidence_sealed,
                    media_sha256, submission_sha256, received_at, disposition)
                VALUES (?, 'report-bot', ?, 'SOURCE_ARTICLE_16', ?, ?, ?, 'RISK_FOR_PUBLIC_SECURITY', NULL, 'DE', 'u-1', FALSE,
                    ?, ?, ?, ?, ?, ?, 'STARTED')
                """).params(id, "evidence-test-" + id, caseNumber, subjectKey.split(":", 2)[0], subjectKey,
                        seal.seal(NoticeSeal.Field.NOTIFIER, id, "{\"name\":\"" + NAME + "\",\"email\":\"" + EMAIL + "\"}"),
                        seal.seal(NoticeSeal.Field.EXPLANATION, id, explanation),
                        seal.seal(NoticeSeal.Field.EVIDENCE, id, evidence), mediaSha256, Sha256.hex("n" + id),
                        OffsetDateTime.now(ZoneOffset.UTC)).update();
        return id;
    }

    private long complaint(String caseNumber, String text) {
        long decision = sequences.next("cr_decision_seq");
        jdbc.sql("""
                INSERT INTO cr_decision (id, case_number, kind, decision, ground, explanation, threat_to_life, decided_by, decided_at)
                VALUES (?, ?, 'REVIEW', 'REMOVE', 'ILLEGAL_CONTENT', 'explained', FALSE, 'moderator', ?)
                """).params(decision, caseNumber, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC)).update();
        long id = sequences.next("cr_complaint_seq");
        jdbc.sql("""
                INSERT INTO cr_complaint (id, case_number, complainant, decision_id, gateway, text_sealed, received_at, status)
                VALUES (?, ?, 'UPLOADER', ?, 'report-bot', ?, ?, 'PENDING')
                """).params(id, caseNumber, decision, seal.seal(NoticeSeal.Field.COMPLAINT_TEXT, id, text),
                        OffsetDateTime.now(ZoneOffset.UTC)).update();
        return id;
    }

    private static String path(String caseNumber, long notice, String what) {
        return "/moderation/cases/" + caseNumber + "/notices/" + notice + "/" + what;
    }

    private <T> ResponseEntity<T> get(String path, HttpHeaders headers, Class<T> type) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), type);
    }

    private static void assertNoStoreNoSniff(ResponseEntity<?> response) {
        assertThat(response.getHeaders().getCacheControl()).contains("no-store");
        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeaders().getFirst("Cross-Origin-Resource-Policy")).isEqualTo("same-origin");
    }

    /** Signs in to Tasklist as the web apps do (user = password); the headers carry the session's cookies. */
    private HttpHeaders signIn(String user) {
        HttpHeaders headers = new HttpHeaders();
        absorbCookies(headers, http.exchange("/camunda/app/tasklist/default/", HttpMethod.GET, new HttpEntity<>(headers),
                String.class));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", user);
        HttpHeaders login = new HttpHeaders();
        login.putAll(headers);
        login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> signedIn = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
                HttpMethod.POST, new HttpEntity<>(form, login), String.class);
        assertThat(signedIn.getStatusCode().value()).as("Tasklist sign-in of %s: %s", user, signedIn.getBody()).isEqualTo(200);
        absorbCookies(headers, signedIn);
        HttpHeaders cookiesOnly = new HttpHeaders();
        cookiesOnly.set(HttpHeaders.COOKIE, headers.getFirst(HttpHeaders.COOKIE));
        return cookiesOnly;
    }

    private static void absorbCookies(HttpHeaders headers, ResponseEntity<?> response) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String cookie : headers.getOrEmpty(HttpHeaders.COOKIE)) {
            for (String pair : cookie.split(";\\s*")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2) {
                    cookies.put(kv[0], kv[1]);
                }
            }
        }
        for (String setCookie : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
            for (HttpCookie cookie : HttpCookie.parse(setCookie)) {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        headers.set(HttpHeaders.COOKIE, String.join("; ", cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        if (cookies.containsKey("XSRF-TOKEN")) {
            headers.set("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        }
    }

}
