package hk.lantau.compat.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A form-encoded call other than a POST, with its body's parameters after the query's: the container
 * reads the form bodies of POSTs only, and DingTalk's curl samples send one with GET
 * ({@code curl -X GET -d 'access_token=…' -d 'appkey=…'}), token included.
 */
final class FormBodyRequest extends HttpServletRequestWrapper {

    private final Map<String, String[]> parameters;

    private FormBodyRequest(HttpServletRequest request, Map<String, String[]> parameters) {
        super(request);
        this.parameters = Collections.unmodifiableMap(parameters);
    }

    /** The request itself unless it is a form-encoded call other than a POST. */
    static HttpServletRequest of(HttpServletRequest request) throws IOException {
        String contentType = request.getContentType();
        if ("POST".equals(request.getMethod()) || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return request;
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(DingTalkRequestResolver.MAX_BODY + 1);
        }
        if (bytes.length > DingTalkRequestResolver.MAX_BODY) {
            throw DingTalkException.tooLarge();
        }
        Map<String, List<String>> merged = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> merged.put(name, new ArrayList<>(List.of(values))));
        for (String pair : new String(bytes, StandardCharsets.UTF_8).split("&")) {
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (!name.isEmpty()) {
                    merged.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                }
            } catch (IllegalArgumentException e) {
                // Not URL-encoded: skipped, as the container skips such a pair in a POST's form.
            }
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        merged.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        return new FormBodyRequest(request, parameters);
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values.clone();
    }
}
