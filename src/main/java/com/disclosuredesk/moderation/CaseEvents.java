package com.disclosuredesk.moderation;

/**
 * What notice intake tells the rest of moderation, as Spring application events published in intake's transaction
 * (listeners run synchronously, in the same transaction: {@code @EventListener}).
 */
public final class CaseEvents {

    private CaseEvents() {}

    /** A notice joined an open case; the case's counts are already updated (triage may raise its priority). */
    public record NoticeJoined(ModerationCase moderationCase, long noticeId, boolean trusted) {}

    /** A notice about a subject decided in the last 30 days: its notifier gets the decision in force. */
    public record NoticeOnDecidedCase(ModerationCase moderationCase, long noticeId) {}
}
