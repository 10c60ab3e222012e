package hk.lantau.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.shared.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the body of API requests at 1 MiB: a declared Content-Length above it is refused before
 * anything reads the body, and a streamed (chunked) body fails as soon as it passes the cap. Both
 * answer 413 {@code request.too_large}. The CSV import reads files of up to 1 MiB of text inside a
 * multipart envelope and checks that itself, so its path has the multipart limit of 10 MiB here;
 * so does the approval attachment upload, whose files of up to 1 MiB come in such an envelope.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    static final long API_LIMIT = 1_048_576;
    static final long IMPORT_LIMIT = 10 * 1_048_576;
    private static final String IMPORT_PATH = "/api/v1/users/import";
    private static final String ATTACHMENT_PATH = "/api/v1/approvals/attachments";

    private final ObjectMapper json;

    RequestSizeLimitFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        long limit = path.equals(IMPORT_PATH) || path.equals(ATTACHMENT_PATH) ? IMPORT_LIMIT : API_LIMIT;
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, limit);
            return;
        }
        try {
            chain.doFilter(new Limited(request, limit), response);
        } catch (ServletException | RuntimeException e) {
            if (!isTooLarge(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            refuse(request, response, limit);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem(limit, request));
    }

    static ProblemDetail problem(long limit, HttpServletRequest request) {
        return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "request.too_large",
                "The request body may be at most " + (limit / 1_048_576) + " MiB.", List.of(), request);
    }

    static boolean isTooLarge(Throwable e) {
        return tooLarge(e) != null;
    }

    /** The body-too-large error among the causes of {@code e}, or {@code null}. */
    static BodyTooLargeException tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    /** A read past the cap; an I/O error, so whatever reads the body stops there. */
    static final class BodyTooLargeException extends IOException {

        private final long limit;

        BodyTooLargeException(long limit) {
            super("The request body is larger than " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    /** The request with a body stream that counts what is read and stops at the cap. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long count;

        CountingStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
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

        private void counted(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
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
    }
}
