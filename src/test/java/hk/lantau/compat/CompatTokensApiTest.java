package hk.lantau.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.dingtalkoauth2_1_0.Client;
import com.aliyun.dingtalkoauth2_1_0.models.GetAccessTokenRequest;
import com.aliyun.dingtalkoauth2_1_0.models.GetAccessTokenResponse;
import com.aliyun.tea.TeaException;
import com.dingtalk.api.request.OapiV2UserGetRequest;
import com.dingtalk.api.response.OapiGettokenResponse;
import com.dingtalk.api.response.OapiV2UserGetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DingTalk's app tokens through the official SDKs: an app's Lantau key and secret, the same token
 * while it is valid (and its life extended), DingTalk's refusals, audited like Lantau's own.
 */
class CompatTokensApiTest extends CompatApiTestSupport {

    private Org org;
    private App app;

    @BeforeEach
    void app() {
        org = newOrganisation();
        app = register(org, "user.read");
    }

    @Test
    void getTokenAnswersTheSameTokenWhileItIsValid() {
        OapiGettokenResponse first = getToken(app.appKey(), app.secret());
        assertThat(first.isSuccess()).isTrue();
        assertThat(first.getErrcode()).isZero();
        assertThat(first.getExpiresIn()).isEqualTo(7200L);
        assertThat(first.getAccessToken()).startsWith("lat.");

        clock.advance(Duration.ofHours(1));
        OapiGettokenResponse again = getToken(app.appKey(), app.secret());
        assertThat(again.getAccessToken()).isEqualTo(first.getAccessToken());
        assertThat(again.getExpiresIn()).as("its life is extended, as DingTalk does").isEqualTo(7200L);

        // Past the first expiry, the extended token still works.
        clock.advance(Duration.ofMinutes(90));
        assertThat(userGet(again.getAccessToken(), org.adminUserId()).isSuccess()).isTrue();

        clock.advance(Duration.ofHours(2));
        OapiGettokenResponse later = getToken(app.appKey(), app.secret());
        assertThat(later.getAccessToken()).as("an expired token is replaced").isNotEqualTo(first.getAccessToken());
        assertThat(userGet(later.getAccessToken(), org.adminUserId()).isSuccess()).isTrue();
    }

    @Test
    void getTokenAcceptsPostWithJsonOrFormAndTheLegacyNames() {
        String token = token(app);
        var json = raw("POST", "/gettoken", "{\"appkey\":\"" + app.appKey() + "\",\"appsecret\":\"" + app.secret()
                + "\"}", "application/json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().get("access_token").asText()).isEqualTo(token);
        var form = raw("POST", "/gettoken", "appkey=" + app.appKey() + "&appsecret=" + app.secret(),
                "application/x-www-form-urlencoded");
        assertThat(form.json().get("access_token").asText()).isEqualTo(token);
        var legacy = raw("GET", "/gettoken?corpid=" + app.appKey() + "&corpsecret=" + app.secret(), null, null);
        assertThat(legacy.json().get("access_token").asText()).isEqualTo(token);
        assertThat(legacy.json().get("request_id").asText()).isNotBlank();
    }

    @Test
    void theDocumentedTokenRequestsAnswerDingTalksShapes() {
        // As documented: a GET with a form body, which also carries an access_token, ignored here.
        var old = sendDocumented("gettoken.request.json", null, Map.of("appkey", app.appKey(), "appsecret",
                app.secret()));
        assertThat(old.status()).isEqualTo(200);
        assertThat(old.json().get("errcode").asInt()).as(old.body()).isZero();
        DocumentedAnswer.of("gettoken.response.json").assertCarriedBy(old.json());
        var wrong = sendDocumented("gettoken.request.json", null, Map.of("appkey", app.appKey(), "appsecret",
                "not-the-secret"));
        assertThat(wrong.json().get("errcode").asInt()).isEqualTo(40096);
        assertThat(wrong.json().has("access_token")).isFalse();

        var newer = sendDocumented("oauth2-accesstoken.request.json", null, Map.of("appKey", app.appKey(),
                "appSecret", app.secret()));
        assertThat(newer.status()).as(newer.body()).isEqualTo(200);
        DocumentedAnswer.of("oauth2-accesstoken.response.json").assertCarriedBy(newer.json());
        assertThat(newer.json().get("accessToken").asText()).isEqualTo(old.json().get("access_token").asText());
    }

    @Test
    void wrongCredentialsAnswerDingTalksCodesAndAreAudited() {
        long refusals = auditCount(org, "openplatform.token.refused");
        OapiGettokenResponse wrong = getToken(app.appKey(), "not-the-secret");
        assertThat(wrong.isSuccess()).isFalse();
        assertThat(wrong.getErrcode()).isEqualTo(40096L);
        assertThat(wrong.getAccessToken()).isNull();
        assertThat(auditCount(org, "openplatform.token.refused")).isEqualTo(refusals + 1);

        assertThat(getToken("ding0000000000000000", app.secret()).getErrcode()).isEqualTo(40096L);
        var legacy = raw("GET", "/gettoken?corpid=" + app.appKey() + "&corpsecret=wrong", null, null);
        assertThat(legacy.status()).isEqualTo(200);
        assertThat(legacy.json().get("errcode").asInt()).isEqualTo(40089);
        var missing = raw("GET", "/gettoken?appkey=" + app.appKey(), null, null);
        assertThat(missing.json().get("errcode").asInt()).isEqualTo(40035);
        assertThat(missing.json().get("errmsg").asText()).isEqualTo("缺少参数 corpid or appkey");
        var malformed = raw("POST", "/gettoken", "{\"appkey\":", "application/json");
        assertThat(malformed.status()).isEqualTo(200);
        assertThat(malformed.json().get("errcode").asInt()).isEqualTo(43009);
    }

    @Test
    void anAddressOutsideTheAllowListIsRefused() {
        App fenced = register(org, List.of("user.read"), List.of("10.0.0.0/8"), null);
        OapiGettokenResponse refused = getToken(fenced.appKey(), fenced.secret());
        assertThat(refused.getErrcode()).isEqualTo(60020L);
    }

    @Test
    void theNewTokenEndpointAnswersTheSameTokenThroughTheTeaSdk() throws Exception {
        String old = token(app);
        Client client = new Client(teaConfig());
        GetAccessTokenResponse response = client.getAccessToken(new GetAccessTokenRequest()
                .setAppKey(app.appKey()).setAppSecret(app.secret()));
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody().getAccessToken()).isEqualTo(old);
        assertThat(response.getBody().getExpireIn()).isEqualTo(7200L);

        assertThatThrownBy(() -> client.getAccessToken(new GetAccessTokenRequest()
                .setAppKey(app.appKey()).setAppSecret("wrong")))
                .isInstanceOfSatisfying(TeaException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("invalidClientIdOrSecret");
                    assertThat(e.getData().get("statusCode")).isEqualTo(400);
                });
    }

    @Test
    void oldPathsRefuseMissingAndInvalidTokensAsDingTalkDoes() {
        OapiV2UserGetResponse missing = userGet(null, org.adminUserId());
        assertThat(missing.getErrcode()).isEqualTo(88L);
        assertThat(missing.getSubCode()).isEqualTo("40000");
        OapiV2UserGetResponse invalid = userGet("lat.not-a-token", org.adminUserId());
        assertThat(invalid.getErrcode()).isEqualTo(88L);
        assertThat(invalid.getSubCode()).isEqualTo("40014");
        assertThat(invalid.getErrmsg()).isEqualTo("ding talk error[subcode=40014,submsg=不合法的access_token]");
        assertThat(invalid.isSuccess()).isFalse();

        // Lantau's Authorization header is not DingTalk's way of sending the token.
        var bearer = anonymous().withToken(token(app)).sendRaw("POST", "/topapi/v2/user/get",
                "{\"userid\":\"" + org.adminUserId() + "\"}", "application/json");
        assertThat(bearer.status()).isEqualTo(200);
        assertThat(bearer.json().get("sub_code").asText()).isEqualTo("40000");

        clock.advance(Duration.ofHours(3));
        String expired = token(app);
        clock.advance(Duration.ofSeconds(7201));
        assertThat(userGet(expired, org.adminUserId()).getSubCode()).isEqualTo("40014");
    }

    @Test
    void unknownPathsAnswerAsDingTalkDoes() {
        String token = token(app);
        JsonNode topapi = postJson("/topapi/v2/user/notexist", token, "{}").json();
        assertThat(topapi.get("errcode").asInt()).isEqualTo(22);
        assertThat(topapi.get("errmsg").asText()).contains("dingtalk.oapi.v2.user.notexist");
        var old = raw("GET", "/user/notexist?access_token=" + token, null, null);
        assertThat(old.status()).isEqualTo(200);
        assertThat(old.json().get("errcode").asInt()).isEqualTo(404);
        assertThat(old.json().get("errmsg").asText()).isEqualTo("请求的URI地址不存在");
        var wrongMethod = raw("GET", "/topapi/v2/user/get?access_token=" + token, null, null);
        assertThat(wrongMethod.status()).isEqualTo(200);
        assertThat(wrongMethod.json().get("errcode").asInt()).isEqualTo(22);
        var newer = raw("POST", "/v1.0/nothing/here", "{}", "application/json");
        assertThat(newer.status()).isEqualTo(404);
        assertThat(newer.json().get("code").asText()).isEqualTo("InvalidAction.NotFound");
        assertThat(newer.json().get("requestid").asText()).isNotBlank();
    }

    @Test
    void scopesAndRateLimitsAnswerDingTalksCodes() {
        App departmentsOnly = register(org, "department.read");
        OapiV2UserGetResponse refused = userGet(token(departmentsOnly), org.adminUserId());
        assertThat(refused.getErrcode()).isEqualTo(88L);
        assertThat(refused.getSubCode()).isEqualTo("60011");

        App limited = register(org, List.of("user.read"), List.of(), 2);
        String token = token(limited);
        assertThat(userGet(token, org.adminUserId()).isSuccess()).isTrue();
        assertThat(userGet(token, org.adminUserId()).isSuccess()).isTrue();
        OapiV2UserGetResponse throttled = userGet(token, org.adminUserId());
        assertThat(throttled.getErrcode()).isEqualTo(88L);
        assertThat(throttled.getSubCode()).isEqualTo("90018");
    }

    private OapiV2UserGetResponse userGet(String token, String userId) {
        OapiV2UserGetRequest request = new OapiV2UserGetRequest();
        request.setUserid(userId);
        return call("/topapi/v2/user/get", request, token);
    }
}
