package com.disclosuredesk.platform;

import static com.disclosuredesk.common.SqlTimes.utc;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import com.disclosuredesk.common.Sequences;
import com.disclosuredesk.moderation.ContentReportProcess;
import com.disclosuredesk.moderation.NoticeSeal;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The evidence of a case, shown to moderators inside the Camunda Forms of Tasklist as {@code <img>}: a notice's
 * explanation and evidence text and a complaint's text as SVG cards ({@link EvidenceCards}), decrypted here from the
 * application's tables ({@link NoticeSeal}) so that they never become process variables, and the media captured with
 * a notice (or, without one, the subject's own media on the platform).
 *
 * <p>Signed in through the web apps' session (the Tasklist sign-in, {@link WebappSignIn}), not HTTP basic: an
 * {@code <img>} sends the session cookie and nothing else. Only members of {@code content-moderators} and
 * {@code moderation-leads} see evidence (not administrators: least privilege; the evidence may be child sexual abuse
 * material or terrorist content, shown to trained moderators only). Anyone else gets 401 (not signed in) or 403 with
 * an empty body, checked before anything about the case is read; an id that does not belong to the case is 404.
 * Never the notifier's name or email. Responses are not cached, not sniffed, not embeddable by other sites
 * ({@code Cross-Origin-Resource-Policy: same-origin}), and SVG cards carry a CSP that forbids scripts. Every view of media is recorded ({@code pc_media_view}: who, when, which notice). {@code ?view=blurred}
 * answers a blurred greyscale copy instead ({@link BlurredMedia}), not recorded: what the form shows until the
 * moderator chooses to see the picture.
 */
@Hidden
@RestController
public class EvidenceController {

    static final Set<String> GROUPS = Set.of(ContentReportProcess.GROUP_MODERATORS, ContentReportProcess.GROUP_MODERATION_LEADS);
    /** Media types served as they are: raster images only (a stored SVG could carry script). */
    static final Set<String> RASTER = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
    static final String MEDIA_POLICY = "default-src 'none'; sandbox";

    private final WebappSignIn signIn;
    private final JdbcClient jdbc;
    private final NoticeSeal seal;
    private final Sequences sequences;
    private final Clock clock;

    public EvidenceController(WebappSignIn signIn, JdbcClient jdbc, NoticeSeal seal, Sequences sequences, Clock clock) {
        this.signIn = signIn;
        this.jdbc = jdbc;
        this.seal = seal;
        this.sequences = sequences;
        this.clock = clock;
    }

    private record SealedNotice(byte[] explanation, byte[] evidence) {}

    @GetMapping("/moderation/cases/{caseNumber}/notices/{noticeId}/evidence.svg")
    public ResponseEntity<byte[]> noticeCard(@PathVariable String caseNumber, @PathVariable String noticeId,
                                             HttpServletRequest request) {
        WebappSignIn.Check check = signIn.member(request, GROUPS);
        if (!check.allowed()) {
            return refused(check);
        }
        Optional<Long> id = id(noticeId);
        Optional<SealedNotice> notice = id.flatMap(n -> jdbc.sql(
                        "SELECT explanation_sealed, evidence_sealed FROM cr_notice WHERE id = ? AND case_number = ?")
                .params(n, caseNumber).query((rs, i) -> new SealedNotice(rs.getBytes(1), rs.getBytes(2))).optional());
        if (notice.isEmpty()) {
            return notFound();
        }
        long row = id.get();
        String svg = EvidenceCards.svg("Notice " + row + " of case " + caseNumber, List.of(
                new EvidenceCards.Section("The notifier's explanation", seal.open(NoticeSeal.Field.EXPLANATION, row,
                        notice.get().explanation())),
                new EvidenceCards.Section("The evidence as captured", seal.open(NoticeSeal.Field.EVIDENCE, row,
                        notice.get().evidence()))));
        return svg(svg);
    }

    @GetMapping("/moderation/cases/{caseNumber}/complaints/{complaintId}/text.svg")
    public ResponseEntity<byte[]> complaintCard(@PathVariable String caseNumber, @PathVariable String complaintId,
                                                HttpServletRequest request) {
        WebappSignIn.Check check = signIn.member(request, GROUPS);
        if (!check.allowed()) {
            return refused(check);
        }
        Optional<Long> id = id(complaintId);
        Optional<byte[]> text = id.flatMap(n -> jdbc.sql("SELECT text_sealed FROM cr_complaint WHERE id = ? AND case_number = ?")
                .params(n, caseNumber).query((rs, i) -> rs.getBytes(1)).optional());
        if (text.isEmpty()) {
            return notFound();
        }
        long row = id.get();
        return svg(EvidenceCards.svg("Complaint " + row + " about case " + caseNumber, List.of(
                new EvidenceCards.Section("The complaint", seal.open(NoticeSeal.Field.COMPLAINT_TEXT, row, text.get())))));
    }

    private record Media(String sha256, String mediaType, byte[] content) {}

    @GetMapping("/moderation/cases/{caseNumber}/notices/{noticeId}/media")
    @Transactional
    public ResponseEntity<byte[]> media(@PathVariable String caseNumber, @PathVariable String noticeId,
                                        @RequestParam(required = false) String view, HttpServletRequest request) {
        WebappSignIn.Check check = signIn.member(request, GROUPS);
        if (!check.allowed()) {
            return refused(check);
        }
        Optional<Long> id = id(noticeId);
        // the media captured with the notice, else the subject's own media on the platform
        Optional<Media> media = id.flatMap(n -> jdbc.sql("""
                        SELECT m.sha256, m.media_type, m.content
                        FROM cr_notice n
                        LEFT JOIN pc_content c ON c.subject_key = n.subject_key
                        JOIN pc_media m ON m.sha256 = COALESCE(n.media_sha256, c.media_sha256)
                        WHERE n.id = ? AND n.case_number = ?
                        """).params(n, caseNumber)
                .query((rs, i) -> new Media(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional());
        if (media.isEmpty() || !RASTER.contains(media.get().mediaType())) {
            return notFound();
        }
        if ("blurred".equals(view)) {
            // what the form shows first: not the picture itself, and not a view of it
            return BlurredMedia.png(media.get().content())
                    .map(png -> ResponseEntity.ok().headers(headers(MEDIA_POLICY)).contentType(MediaType.IMAGE_PNG).body(png))
                    .orElseGet(EvidenceController::notFound);
        }
        jdbc.sql("""
                INSERT INTO pc_media_view (id, case_number, notice_id, sha256, viewed_by, viewed_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(sequences.next("pc_media_view_seq"), caseNumber, id.get(), media.get().sha256(), check.userId(),
                        utc(clock.instant())).update();
        return ResponseEntity.ok().headers(headers(MEDIA_POLICY)).contentType(MediaType.parseMediaType(media.get().mediaType()))
                .body(media.get().content());
    }

    private static Optional<Long> id(String text) {
        if (text == null || !text.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }

    private static ResponseEntity<byte[]> svg(String svg) {
        return ResponseEntity.ok().headers(headers(SVG_POLICY)).contentType(MediaType.parseMediaType("image/svg+xml;charset=UTF-8"))
                .body(svg.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<byte[]> refused(WebappSignIn.Check check) {
        return ResponseEntity.status(check.signedIn() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED)
                .headers(headers(MEDIA_POLICY)).build();
    }

    private static ResponseEntity<byte[]> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).headers(headers(MEDIA_POLICY)).build();
    }

    private static HttpHeaders headers(String policy) {
        HttpHeaders headers = new HttpHeaders();
        headers.setCacheControl(CacheControl.noStore());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", policy);
        // only Tasklist's own pages may embed evidence: another site's <img> gets nothing, even with the cookie
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        return headers;
    }
}
