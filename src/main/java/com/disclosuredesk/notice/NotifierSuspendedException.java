package com.disclosuredesk.notice;

import java.time.Instant;

import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.ProblemType;

/** Art. 23: the notifier's notices are suspended until a given time: 403 {@code notifier-suspended}. */
public class NotifierSuspendedException extends ApiProblemException {

    public NotifierSuspendedException(ProblemType type, String who, Instant until) {
        super(type, who + " is suspended under Art. 23 DSA (frequent manifestly unfounded submissions) until " + until
                + "; nothing was stored. Submissions are accepted again after that time.");
    }

    public NotifierSuspendedException(Instant until) {
        this(ProblemType.NOTIFIER_SUSPENDED, "This notifier", until);
    }
}
