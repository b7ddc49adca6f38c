package com.disclosuredesk.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the body of every request to the application's API ({@code /api/**}). A request that announces a
 * longer body ({@code Content-Length}) is answered with {@code 413} before anything is read; a body without a
 * length (chunked) is counted while it is read, and reading fails with {@link RequestBodyTooLargeException} as
 * soon as it passes the limit, which {@link ApiProblemHandler} answers with {@code 413}. Either way no order is
 * stored and no process is started. What the byte count does not bound inside a JSON body (nesting depth, number
 * length) is left to Jackson's {@code StreamReadConstraints}, see {@link StrictJsonConfiguration}.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ObjectMapper json;

    public RequestBodyLimitFilter(long maxBytes, ObjectMapper json) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("disclosure-desk.api.max-body-bytes must not be negative");
        }
        this.maxBytes = maxBytes;
        this.json = json;
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/api") || path.startsWith("/api/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            writeProblem(request, response);
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, maxBytes), response);
        } catch (IOException | ServletException | RuntimeException e) {
            // normally answered by ApiProblemHandler; this is the net for a reader outside Spring MVC
            if (RequestBodyTooLargeException.findIn(e) == null || response.isCommitted()) {
                throw e;
            }
            response.reset();
            writeProblem(request, response);
        }
    }

    /** The same problem that {@link ApiProblemHandler} answers for a body that passed the limit while it was read. */
    static ProblemDetail problem(long limit) {
        return ProblemType.PAYLOAD_TOO_LARGE.problem(detail(limit));
    }

    static String detail(long limit) {
        String readable = limit % (1024 * 1024) == 0 ? " (" + limit / (1024 * 1024) + " MiB)"
                : limit % 1024 == 0 ? " (" + limit / 1024 + " KiB)" : "";
        return "The request body is larger than the limit of " + limit + " bytes" + readable + ".";
    }

    private void writeProblem(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = problem(maxBytes);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // the rest of an oversized body is not read: do not keep the connection for the next request
        response.setHeader(HttpHeaders.CONNECTION, "close");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The request with its body counted while it is read. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;
        private BufferedReader reader;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (reader != null) {
                throw new IllegalStateException("getReader() has already been called for this request");
            }
            if (stream == null) {
                stream = new CountingInputStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (stream != null) {
                throw new IllegalStateException("getInputStream() has already been called for this request");
            }
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(new CountingInputStream(super.getInputStream(), maxBytes), charset));
            }
            return reader;
        }
    }

    /** Fails as soon as more than {@code maxBytes} have been read. */
    private static final class CountingInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private long count;

        CountingInputStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws RequestBodyTooLargeException {
            count += n;
            if (count > maxBytes) {
                throw new RequestBodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
