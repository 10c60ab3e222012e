package hk.lantau.compat.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;

/**
 * The old family's success answers: HTTP 200 with {@code errcode} 0, {@code errmsg} "ok", the
 * payload, and {@code request_id}.
 */
final class OldReply {

    private OldReply() {
    }

    /** {@code {"errcode":0,"errmsg":"ok","result":…,"request_id":…}}. */
    static ResponseEntity<Map<String, Object>> result(Object result) {
        return with(Map.of("result", result));
    }

    /** {@code {"errcode":0,"errmsg":"ok","request_id":…}}. */
    static ResponseEntity<Map<String, Object>> ok() {
        return with(Map.of());
    }

    /** The payload's members at the top level, as {@code /gettoken} answers. */
    static ResponseEntity<Map<String, Object>> with(Map<String, ?> members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errcode", 0);
        body.put("errmsg", "ok");
        body.putAll(members);
        body.put("request_id", CompatErrors.requestId());
        return ResponseEntity.ok().contentType(CompatErrors.OLD_JSON).body(body);
    }
}
