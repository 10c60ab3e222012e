package hk.lantau.compat.web;

import hk.lantau.compat.AppTokens;
import hk.lantau.openplatform.AccessToken;
import hk.lantau.openplatform.TokenRefusedException;
import hk.lantau.shared.PeopleOnly;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * DingTalk's app tokens: {@code /gettoken} (GET, or POST with JSON or a form) and
 * {@code /v1.0/oauth2/accessToken}. The app key and secret are the app's Lantau credentials; the
 * token is the app's Lantau access token, the same one while it is valid. Nobody is signed in here,
 * so, like Lantau's own token endpoint, it is closed to apps acting with a token. DingTalk's paths
 * are outside the OpenAPI document; docs/compat.md describes them.
 */
@RestController
@PeopleOnly
class GetTokenController {

    private final AppTokens tokens;

    GetTokenController(AppTokens tokens) {
        this.tokens = tokens;
    }

    @RequestMapping(path = "/gettoken", method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<Map<String, Object>> getToken(DingTalkRequest body, HttpServletRequest request) {
        // The legacy pair corpid/corpsecret names the same credentials.
        boolean legacy = !body.has("appkey") && body.has("corpid");
        String key = body.text(legacy ? "corpid" : "appkey");
        String secret = body.text(legacy ? "corpsecret" : "appsecret");
        if (blank(key) || blank(secret)) {
            throw DingTalkException.business(40035, "缺少参数 corpid or appkey", 400, "MissingParameter");
        }
        AccessToken token = grant(key, secret, request, legacy);
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("access_token", token.value());
        members.put("expires_in", token.expiresInSeconds());
        return OldReply.with(members);
    }

    @PostMapping("/v1.0/oauth2/accessToken")
    ResponseEntity<Map<String, Object>> accessToken(DingTalkRequest body, HttpServletRequest request) {
        String key = body.requireText("appKey");
        String secret = body.requireText("appSecret");
        AccessToken token = grant(key, secret, request, false);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accessToken", token.value());
        answer.put("expireIn", token.expiresInSeconds());
        return ResponseEntity.ok().contentType(CompatErrors.NEW_JSON).body(answer);
    }

    private AccessToken grant(String key, String secret, HttpServletRequest request, boolean legacy) {
        try {
            return tokens.grant(key, secret, request.getRemoteAddr());
        } catch (TokenRefusedException e) {
            // DingTalk names no reason beyond bad credentials; the open platform audited the real one.
            throw "openplatform.ip_not_allowed".equals(e.code()) ? DingTalkException.addressNotAllowed()
                    : DingTalkException.badCredentials(legacy);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
