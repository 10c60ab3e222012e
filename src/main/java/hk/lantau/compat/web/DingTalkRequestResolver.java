package hk.lantau.compat.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a compat handler its {@link DingTalkRequest}: a JSON body merged over the query string's
 * parameters, or the form's and query's parameters. A body that is not a JSON object answers
 * DingTalk's "body must be JSON" error; one over 1 MiB is refused unread beyond that.
 */
class DingTalkRequestResolver implements HandlerMethodArgumentResolver {

    /** The same cap as Lantau's own API bodies. */
    static final int MAX_BODY = 1_048_576;

    private final ObjectMapper json;

    DingTalkRequestResolver(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == DingTalkRequest.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest webRequest, WebDataBinderFactory binders) throws IOException {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return DingTalkRequest.ofParameters(request.getParameterMap());
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw DingTalkException.tooLarge();
        }
        String body = new String(bytes, StandardCharsets.UTF_8);
        if (body.isBlank()) {
            return DingTalkRequest.ofParameters(request.getParameterMap());
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw DingTalkException.notJson();
        }
        if (!(parsed instanceof ObjectNode object)) {
            throw DingTalkException.notJson();
        }
        ObjectNode merged = json.createObjectNode();
        request.getParameterMap().forEach((name, values) -> {
            if (!"access_token".equals(name) && values.length > 0) {
                merged.put(name, values[0]);
            }
        });
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            merged.set(field.getKey(), field.getValue());
        }
        return new DingTalkRequest(merged);
    }
}
