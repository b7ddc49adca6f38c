package com.disclosuredesk.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.disclosuredesk.common.Sequences;
import com.disclosuredesk.common.Sha256;
import com.disclosuredesk.moderation.CaseEvents;
import com.disclosuredesk.moderation.CaseRepository;
import com.disclosuredesk.moderation.CaseStatus;
import com.disclosuredesk.moderation.ContentReportProcess;
import com.disclosuredesk.moderation.ContentReportVariables;
import com.disclosuredesk.moderation.ModerationCase;
import com.disclosuredesk.moderation.ModerationMessages;
import com.disclosuredesk.moderation.NoticeSeal;
import com.disclosuredesk.moderation.NotifierStanding;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notice intake (DSA Art. 16): checks a notice, stores it once per gateway and externalId, and puts it in the case of
 * its normalised subject, all in one transaction (kill -9 loses nothing acknowledged):
 * <ul>
 *   <li>the subject's open case ({@code RECEIVED}, {@code IN_REVIEW}): the notice joins it ({@link Disposition#JOINED}),
 *       the case's counts go up, {@link CaseEvents.NoticeJoined} is published; the engine is not touched at all (no
 *       start, no correlation: a joining notice costs a few rows, measured by bench/content-reports.sh);</li>
 *   <li>a case decided within the last 30 days ({@code disclosure-desk.moderation.intake.decided-case-window}): the
 *       notice is attached to it ({@link Disposition#ALREADY_DECIDED}) and {@link CaseEvents.NoticeOnDecidedCase} is
 *       published (its listener sends the decision in force);</li>
 *   <li>otherwise a new case {@code CR-<year>-<6 digits>} and its process instance of {@code content-report}
 *       ({@link Disposition#STARTED}).</li>
 * </ul>
 * Concurrent notices about one subject queue on the subject's row ({@link SubjectRows}); a concurrent duplicate of the
 * same gateway and externalId finds the first after the lock (or, at worst, fails on the unique constraint and is
 * answered with the notice that won). Every notice gets its receipt message at once. Names, emails, the explanation
 * and the evidence text are sealed ({@link NoticeSeal}) and never become process variables or log lines.
 */
@Service
@EnableConfigurationProperties(NoticeIntakeService.Settings.class)
public class NoticeIntakeService {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeIntakeService.class);

    /** The Transparency Database's source_type of a notice. */
    public static final String SOURCE_ARTICLE_16 = "SOURCE_ARTICLE_16";
    public static final String SOURCE_TRUSTED_FLAGGER = "SOURCE_TRUSTED_FLAGGER";

    /**
     * {@code disclosure-desk.moderation.intake.*}
     *
     * @param decidedCaseWindow a notice about a subject decided this recently gets that decision instead of a new case
     */
    @ConfigurationProperties("disclosure-desk.moderation.intake")
    public record Settings(Duration decidedCaseWindow) {
        public Settings {
            Objects.requireNonNull(decidedCaseWindow, "disclosure-desk.moderation.intake.decided-case-window is not set");
            if (decidedCaseWindow.isNegative()) {
                throw new IllegalArgumentException("disclosure-desk.moderation.intake.decided-case-window must not be negative");
            }
        }
    }

    /** The answer to a notice: the notice, its case, and whether this call stored it. */
    public record Receipt(long noticeId, String externalId, String caseNumber, CaseStatus status, Instant receivedAt,
                          Disposition disposition, String sourceType, boolean created) {}

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private final NoticeRepository notices;
    private final SubjectRows subjects;
    private final CaseRepository cases;
    private final ModerationMessages messages;
    private final NotifierStanding standing;
    private final NoticeSeal seal;
    private final Sequences sequences;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration decidedCaseWindow;

    public NoticeIntakeService(NoticeRepository notices, SubjectRows subjects, CaseRepository cases, ModerationMessages messages,
                               NotifierStanding standing, NoticeSeal seal, Sequences sequences, RuntimeService runtime,
                               ApplicationEventPublisher events, PlatformTransactionManager transactions, ObjectMapper json,
                               Clock clock, Settings settings) {
        this.notices = notices;
        this.subjects = subjects;
        this.cases = cases;
        this.messages = messages;
        this.standing = standing;
        this.seal = seal;
        this.sequences = sequences;
        this.runtime = runtime;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
        this.decidedCaseWindow = settings.decidedCaseWindow();
    }

    /**
     * Registers a notice of {@code gateway} (the signed-in API user; {@code trusted}: a member of trusted-flaggers).
     *
     * @throws InvalidNoticeException     a field breaks the rules (nothing stored)
     * @throws NotifierSuspendedException the notifier is suspended under Art. 23 (nothing stored)
     * @throws NoticeConflictException    the externalId was used by this gateway for other content
     */
    public Receipt submit(NoticeSubmission submission, String gateway, boolean trusted) {
        ValidNotice notice = NoticeRules.validate(submission);
        String submissionSha256 = submissionSha256(submission);
        Optional<NoticeRepository.StoredNotice> existing = notices.find(gateway, notice.externalId());
        if (existing.isPresent()) {
            return resubmitted(existing.get(), submissionSha256);
        }
        if (notice.notifierRef() != null) {
            Optional<Instant> suspended = standing.suspendedUntil("NOTIFIER",
                    NotifierStanding.notifierParty(gateway, notice.notifierRef()));
            if (suspended.isPresent()) {
                throw new NotifierSuspendedException(suspended.get());
            }
        }
        subjects.ensure(notice.subject().key());
        try {
            return transaction.execute(status -> register(notice, submissionSha256, gateway, trusted));
        } catch (DataIntegrityViolationException concurrentDuplicate) {
            // the same gateway and externalId stored by a concurrent request: answer with the notice that won
            return notices.find(gateway, notice.externalId()).map(stored -> resubmitted(stored, submissionSha256))
                    .orElseThrow(() -> concurrentDuplicate);
        }
    }

    private Receipt register(ValidNotice notice, String submissionSha256, String gateway, boolean trusted) {
        String subjectKey = notice.subject().key();
        Optional<String> currentCase = subjects.lockCurrentCase(subjectKey);
        // after the lock: a concurrent request with the same externalId has committed by now
        Optional<NoticeRepository.StoredNotice> existing = notices.find(gateway, notice.externalId());
        if (existing.isPresent()) {
            return resubmitted(existing.get(), submissionSha256);
        }
        Instant now = clock.instant();
        Disposition disposition = null;
        ModerationCase target = null;
        if (currentCase.isPresent()) {
            target = cases.lock(currentCase.get()).orElseThrow(() -> new IllegalStateException("cr_subject names a missing case"));
            disposition = dispositionOn(target, now, decidedCaseWindow);
        }
        String sourceType = trusted ? SOURCE_TRUSTED_FLAGGER : SOURCE_ARTICLE_16;
        String caseNumber;
        if (disposition == null) {
            disposition = Disposition.STARTED;
            caseNumber = cases.nextCaseNumber();
            cases.insert(caseNumber, subjectKey, notice.subject().type().name(), notice.subject().reference(),
                    notice.category().name(), name(notice.specification()), notice.country(), trusted);
            subjects.setCurrentCase(subjectKey, caseNumber);
        } else {
            caseNumber = target.caseNumber();
        }

        long noticeId = sequences.next("cr_notice_seq");
        notices.insert(new NoticeRepository.NewNotice(noticeId, gateway, notice.externalId(), sourceType, caseNumber,
                notice.subject().type().name(), subjectKey, notice.category().name(), name(notice.specification()),
                notice.country(), notice.notifierRef(), notice.anonymous(),
                seal.seal(NoticeSeal.Field.NOTIFIER, noticeId, notifierJson(notice)),
                seal.seal(NoticeSeal.Field.EXPLANATION, noticeId, notice.explanation()),
                seal.seal(NoticeSeal.Field.EVIDENCE, noticeId, notice.evidenceText()),
                notice.mediaSha256(), submissionSha256, now, disposition));
        messages.toNotifier(gateway, ModerationMessages.Kind.RECEIPT, caseNumber, noticeId, notice.notifierRef(),
                receiptBody(noticeId, notice.externalId(), caseNumber, now, disposition));

        CaseStatus status;
        switch (disposition) {
            case JOINED -> {
                ModerationCase joined = cases.countNotice(caseNumber, trusted);
                events.publishEvent(new CaseEvents.NoticeJoined(joined, noticeId, trusted));
                status = joined.status();
            }
            case ALREADY_DECIDED -> {
                ModerationCase decided = cases.countNotice(caseNumber, trusted);
                events.publishEvent(new CaseEvents.NoticeOnDecidedCase(decided, noticeId));
                status = decided.status();
            }
            default -> {
                ProcessInstance instance = runtime.startProcessInstanceByKey(ContentReportProcess.PROCESS_KEY, caseNumber,
                        startVariables(caseNumber, notice, trusted));
                cases.bind(caseNumber, instance.getId());
                status = CaseStatus.RECEIVED;
            }
        }
        LOG.debug("Notice {} of {} {} case {}", noticeId, gateway, disposition, caseNumber);
        return new Receipt(noticeId, notice.externalId(), caseNumber, status, now, disposition, sourceType, true);
    }

    /**
     * What a notice about a subject does with the subject's current case: JOINED (open), ALREADY_DECIDED (decided or
     * in complaint, decided within {@code window}), or null: a new case (closed, or decided earlier).
     */
    static Disposition dispositionOn(ModerationCase current, Instant now, Duration window) {
        if (current.status().isOpenForNotices()) {
            return Disposition.JOINED;
        }
        boolean decided = current.status() == CaseStatus.DECIDED || current.status() == CaseStatus.IN_COMPLAINT;
        if (decided && current.decidedAt() != null && current.decidedAt().isAfter(now.minus(window))) {
            return Disposition.ALREADY_DECIDED;
        }
        return null;
    }

    private static Map<String, Object> startVariables(String caseNumber, ValidNotice notice, boolean trusted) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ContentReportVariables.CASE_NUMBER, caseNumber);
        variables.put(ContentReportVariables.SUBJECT_TYPE, notice.subject().type().name());
        variables.put(ContentReportVariables.SUBJECT_REFERENCE, notice.subject().reference());
        variables.put(ContentReportVariables.CATEGORY, notice.category().name());
        variables.put(ContentReportVariables.SPECIFICATION, name(notice.specification()));
        variables.put(ContentReportVariables.COUNTRY, notice.country());
        variables.put(ContentReportVariables.NOTICE_COUNT, 1);
        variables.put(ContentReportVariables.TRUSTED_NOTICE_COUNT, trusted ? 1 : 0);
        return variables;
    }

    private Receipt resubmitted(NoticeRepository.StoredNotice stored, String submissionSha256) {
        if (!stored.submissionSha256().equals(submissionSha256)) {
            throw new NoticeConflictException(stored.externalId(), stored.id());
        }
        CaseStatus status = cases.find(stored.caseNumber()).map(ModerationCase::status).orElseThrow();
        return new Receipt(stored.id(), stored.externalId(), stored.caseNumber(), status, stored.receivedAt(),
                stored.disposition(), stored.sourceType(), false);
    }

    private String notifierJson(ValidNotice notice) {
        if (notice.notifierName() == null && notice.notifierEmail() == null) {
            return null;
        }
        Map<String, String> notifier = new LinkedHashMap<>();
        notifier.put("name", notice.notifierName());
        notifier.put("email", notice.notifierEmail());
        return write(notifier);
    }

    private String receiptBody(long noticeId, String externalId, String caseNumber, Instant receivedAt, Disposition disposition) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("noticeId", noticeId);
        body.put("externalId", externalId);
        body.put("caseNumber", caseNumber);
        body.put("receivedAt", receivedAt.toString());
        body.put("disposition", disposition.name());
        body.put("text", switch (disposition) {
            case ALREADY_DECIDED -> "Your notice was received. The content was decided recently; that decision and the "
                    + "ways to contest it follow in a separate message.";
            default -> "Your notice was received and will be reviewed by a person. You will be told the decision and the "
                    + "ways to contest it.";
        });
        return write(body);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    /** SHA-256 over the canonical JSON of the submission as sent (properties sorted): equal bodies, equal digests. */
    static String submissionSha256(NoticeSubmission submission) {
        try {
            return Sha256.hex(CANONICAL.writeValueAsString(submission));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot digest the notice", e);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
