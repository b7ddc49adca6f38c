package com.disclosuredesk.transparency;

import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.ProblemType;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public: the transparency report of any period (computed now from the ledger), and the reports published for past
 * periods (frozen by the process {@code transparency-report}). JSON by default; CSV with {@code Accept: text/csv}
 * or {@code format=csv}.
 */
@RestController
@RequestMapping("/api/transparency")
@Tag(name = "Transparency", description = "Public: the transparency ledger")
public class TransparencyReportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final TransparencyReportService reports;
    private final PublishedReports published;

    public TransparencyReportController(TransparencyReportService reports, PublishedReports published) {
        this.reports = reports;
        this.published = published;
    }

    /** The report of a period: {@code from} and {@code to} as yyyy-MM-dd, inclusive, in UTC. */
    @GetMapping("/report")
    public ResponseEntity<?> report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String format,
                                    @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportPeriod period = ReportPeriod.parse(from, to);
        ReportFormat chosen = ReportFormat.choose(format, accept);
        TransparencyReport report = reports.compute(period);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .varyBy(HttpHeaders.ACCEPT);
        return chosen == ReportFormat.CSV
                ? response.contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION, attachment(period.id())).body(ReportCsv.write(report))
                : response.contentType(MediaType.APPLICATION_JSON).body(report);
    }

    /** A published report, with where to fetch it. */
    public record Listed(String period, java.time.LocalDate from, java.time.LocalDate to, String status,
                        java.time.Instant computedAt, java.time.Instant publishedAt, long ledgerHeadSeq,
                        String ledgerHeadHash, String sha256, String json, String csv) {
        static Listed of(PublishedReports.Summary s) {
            String self = "/api/transparency/reports/" + s.period();
            return new Listed(s.period(), s.from(), s.to(), s.status().name(), s.computedAt(), s.publishedAt(),
                    s.ledgerHeadSeq(), s.ledgerHeadHash(), s.sha256(), self, self + "?format=csv");
        }
    }

    /** The published reports, the latest period first. */
    @GetMapping(path = "/reports", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Listed> publishedReports() {
        return published.published().stream().map(Listed::of).toList();
    }

    /** One published report as frozen: {@code 2026-Q4} or {@code 2026-10-01_2026-11-15}. */
    @GetMapping("/reports/{period}")
    public ResponseEntity<String> publishedReport(@PathVariable String period,
                                                  @RequestParam(required = false) String format,
                                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportPeriod reportPeriod = ReportPeriod.ofId(period);
        ReportFormat chosen = ReportFormat.choose(format, accept);
        PublishedReports.Stored stored = published.findPublished(reportPeriod.id())
                .orElseThrow(() -> new ReportNotPublishedException(reportPeriod.id()));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().varyBy(HttpHeaders.ACCEPT)
                .eTag('"' + stored.summary().sha256() + (chosen == ReportFormat.CSV ? "-csv" : "") + '"')
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .header("X-Report-SHA256", stored.summary().sha256())
                .header("X-Ledger-Head-Seq", Long.toString(stored.summary().ledgerHeadSeq()))
                .header("X-Ledger-Head-Hash", stored.summary().ledgerHeadHash());
        return chosen == ReportFormat.CSV
                ? response.contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION, attachment(reportPeriod.id())).body(stored.csv())
                : response.contentType(MediaType.APPLICATION_JSON).body(stored.json());
    }

    private static String attachment(String periodId) {
        return ContentDisposition.attachment().filename("transparency-report-" + periodId + ".csv").build().toString();
    }

    /** No report of this period has been published. */
    public static class ReportNotPublishedException extends ApiProblemException {
        public ReportNotPublishedException(String periodId) {
            super(ProblemType.REPORT_NOT_PUBLISHED, "No report of the period " + periodId + " has been published.");
        }
    }
}
