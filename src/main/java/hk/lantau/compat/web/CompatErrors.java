package hk.lantau.compat.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.openplatform.RateLimitAnswers;
import hk.lantau.shared.RequestMetadata;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Writes errors in the caller's family: the old family answers HTTP 200 with errcode, errmsg and
 * request_id (on {@code /topapi}, platform errors as 88 with sub_code and sub_msg); {@code /v1.0}
 * answers the HTTP status with code, message and requestid. Also how the rate limiter refuses
 * DingTalk's calls, with DingTalk's throttling codes.
 */
@Component
class CompatErrors implements RateLimitAnswers {

    static final MediaType OLD_JSON = MediaType.parseMediaType("application/json;charset=UTF-8");
    static final MediaType NEW_JSON = MediaType.parseMediaType("application/json;charset=utf-8");

    private final CompatRoutes routes;
    private final ObjectMapper json;

    CompatErrors(CompatRoutes routes, ObjectMapper json) {
        this.routes = routes;
        this.json = json;
    }

    ResponseEntity<Map<String, Object>> entity(HttpServletRequest request, DingTalkException error) {
        Family family = Family.of(request.getRequestURI());
        if (family == Family.NEW) {
            return ResponseEntity.status(error.httpStatus()).contentType(NEW_JSON).body(newBody(error));
        }
        return ResponseEntity.ok().contentType(OLD_JSON).body(oldBody(family, error));
    }

    void write(HttpServletRequest request, HttpServletResponse response, DingTalkException error) throws IOException {
        ResponseEntity<Map<String, Object>> entity = entity(request, error);
        response.setStatus(entity.getStatusCode().value());
        response.setContentType(String.valueOf(entity.getHeaders().getContentType()));
        json.writeValue(response.getOutputStream(), entity.getBody());
    }

    private static Map<String, Object> oldBody(Family family, DingTalkException error) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (family == Family.TOPAPI && error.platform()) {
            body.put("errcode", 88);
            body.put("sub_code", Integer.toString(error.errcode()));
            body.put("sub_msg", error.errmsg());
            body.put("errmsg", "ding talk error[subcode=" + error.errcode() + ",submsg=" + error.errmsg() + "]");
        } else {
            body.put("errcode", error.errcode());
            body.put("errmsg", error.errmsg());
        }
        body.put("request_id", requestId());
        return body;
    }

    private static Map<String, Object> newBody(DingTalkException error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", error.code());
        body.put("message", error.errmsg());
        body.put("requestid", requestId());
        return body;
    }

    static String requestId() {
        return RequestMetadata.requestId().orElse("");
    }

    @Override
    public boolean answers(HttpServletRequest request) {
        return routes.route(request).isPresent();
    }

    @Override
    public boolean tokenRequest(HttpServletRequest request) {
        return routes.route(request).map(r -> r.kind() == CompatRoutes.Kind.OPEN).orElse(false);
    }

    @Override
    public void refuse(HttpServletRequest request, HttpServletResponse response, long limitPerMinute,
                       long retryAfterSeconds) throws IOException {
        write(request, response, DingTalkException.rateLimited(limitPerMinute, retryAfterSeconds));
    }
}
