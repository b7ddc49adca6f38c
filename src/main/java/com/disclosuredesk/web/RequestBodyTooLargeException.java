package com.disclosuredesk.web;

import java.io.IOException;

/**
 * The body of an API request passed the configured limit while it was read. An {@link IOException}, so that
 * it can leave {@code InputStream.read}; {@link ApiProblemHandler} and {@link RequestBodyLimitFilter} answer
 * it with {@code 413}.
 */
public class RequestBodyTooLargeException extends IOException {

    private final long limit;

    public RequestBodyTooLargeException(long limit) {
        super("The request body exceeds the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** The exception itself or, wrapped by whoever read the body (Jackson, Spring, the servlet container), its cause. */
    static RequestBodyTooLargeException findIn(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RequestBodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
