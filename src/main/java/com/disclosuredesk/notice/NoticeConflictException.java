package com.disclosuredesk.notice;

import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.ProblemType;

/** The gateway used an externalId before for a notice with other content: 409 {@code notice-conflict}. */
public class NoticeConflictException extends ApiProblemException {

    public NoticeConflictException(String externalId, long noticeId) {
        super(ProblemType.NOTICE_CONFLICT, "externalId " + externalId + " was used by this gateway for notice " + noticeId
                + " with other content; a notice cannot be changed. Send a new notice with a new externalId.");
    }
}
