package hk.lantau.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.teaopenapi.models.Config;
import com.dingtalk.api.DefaultDingTalkClient;
import com.dingtalk.api.request.OapiChatCreateRequest;
import com.dingtalk.api.request.OapiGettokenRequest;
import com.dingtalk.api.response.OapiGettokenResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.taobao.api.ApiException;
import com.taobao.api.TaobaoRequest;
import com.taobao.api.TaobaoResponse;
import hk.lantau.directory.DirectoryApiTestSupport;
import hk.lantau.support.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Helpers the DingTalk-compatible API's tests share: apps registered through Lantau's own API, and
 * DingTalk's official SDKs pointed at this server (the old SDK with a full URL per call, the Tea SDK
 * with {@code protocol=http} and this host as its endpoint).
 */
abstract class CompatApiTestSupport extends DirectoryApiTestSupport {

    private static final ObjectMapper DOCUMENTED = new ObjectMapper();

    /** An app registered through Lantau's API, with its one-time secret. */
    record App(long id, String appKey, String secret) {
    }

    protected App register(Org org, List<String> scopes, List<String> allowList, Integer rateLimitPerMinute) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Payroll sync " + java.util.UUID.randomUUID().toString().substring(0, 8));
        body.put("purpose", "Keeps payroll in step with the directory");
        body.put("scopes", scopes);
        body.put("ipAllowList", allowList);
        if (rateLimitPerMinute != null) {
            body.put("rateLimitPerMinute", rateLimitPerMinute);
        }
        var response = org.admin().post("/api/v1/apps", body);
        assertThat(response.status()).as("register app: %s", response.body()).isEqualTo(201);
        JsonNode json = response.json();
        return new App(json.get("id").asLong(), json.get("appKey").asText(),
                json.get("secret").get("value").asText());
    }

    protected App register(Org org, String... scopes) {
        return register(org, List.of(scopes), List.of(), null);
    }

    /** The old SDK's client for one path, as integrations build it: the full URL. */
    protected DefaultDingTalkClient oapi(String path) {
        return new DefaultDingTalkClient(baseUrl() + path);
    }

    protected <T extends TaobaoResponse> T call(String path, TaobaoRequest<T> request, String token) {
        try {
            return oapi(path).execute(request, token);
        } catch (ApiException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET /gettoken} through the old SDK. */
    protected OapiGettokenResponse getToken(String appKey, String secret) {
        OapiGettokenRequest request = new OapiGettokenRequest();
        request.setAppkey(appKey);
        request.setAppsecret(secret);
        request.setHttpMethod("GET");
        try {
            return oapi("/gettoken").execute(request);
        } catch (ApiException e) {
            throw new IllegalStateException(e);
        }
    }

    protected String token(App app) {
        OapiGettokenResponse response = getToken(app.appKey(), app.secret());
        assertThat(response.isSuccess()).as("gettoken: %s", response.getBody()).isTrue();
        return response.getAccessToken();
    }

    /** The Tea SDK's configuration for this server. */
    protected Config teaConfig() {
        Config config = new Config();
        config.protocol = "http";
        config.regionId = "central";
        config.endpoint = "127.0.0.1:" + port;
        return config;
    }

    /** A raw call, for what the SDKs cannot send: a malformed body, a missing or misplaced token. */
    protected Api.Response raw(String method, String pathAndQuery, String body, String contentType) {
        if (body == null && "GET".equals(method)) {
            return anonymous().get(pathAndQuery);
        }
        return anonymous().sendRaw(method, pathAndQuery, body, contentType);
    }

    protected Api.Response postJson(String path, String token, String json) {
        return raw("POST", path + (token == null ? "" : "?access_token=" + token), json, "application/json");
    }

    /** A new organisation with two people and an app, and the group the app made with both, owned by the first. */
    record AppGroup(Org org, App app, String owner, String member, Api memberSession, String chatId) {
    }

    protected AppGroup appGroup() {
        Org org = newOrganisation();
        String owner = createUser(org.admin(), "Chan Tai Man", 1L);
        String member = createUser(org.admin(), "Lee Mei", 1L);
        Api memberSession = signInAs(org, member);
        App app = register(org, "chat.write");
        return new AppGroup(org, app, owner, member, memberSession,
                createAppChat(token(app), owner, List.of(owner, member)));
    }

    /** A group the app creates through the old SDK, named Helpdesk; the app's robot is in it. */
    protected String createAppChat(String token, String owner, List<String> members) {
        OapiChatCreateRequest request = new OapiChatCreateRequest();
        request.setName("Helpdesk");
        request.setOwner(owner);
        request.setUseridlist(members);
        var created = call("/chat/create", request, token);
        assertThat(created.isSuccess()).as(created.getBody()).isTrue();
        return created.getChatid();
    }

    /** A person's text message that mentions the people and the app's robot; its id. */
    protected long mentionRobot(Api person, App app, String conversationId, String text, List<String> people) {
        var sent = person.post("/api/v1/conversations/" + conversationId + "/messages",
                Map.of("content", Map.of("kind", "text", "text", text), "mentions", people,
                        "mentionRobots", List.of(app.appKey())));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        return sent.json().get("id").asLong();
    }

    /** The {@code /robot/sendBySession} path of a robot message's sessionWebhook. */
    protected static String sessionPath(String sessionWebhook) {
        return sessionWebhook.substring(sessionWebhook.indexOf("/robot/sendBySession"));
    }

    /** The session URL on this server, whatever base URL the installation is configured with. */
    protected String localSession(String sessionWebhook) {
        return baseUrl() + sessionPath(sessionWebhook);
    }

    /**
     * DingTalk's documented request (a fixture) sent as documented: its method, its form, JSON or query,
     * with this test's values for the members named in {@code replacements} and, unless null, the
     * app's token: {@code access_token} on the old family, DingTalk's header on {@code /v1.0}.
     */
    protected Api.Response sendDocumented(String fixture, String token, Map<String, ?> replacements) {
        JsonNode request = CompatFixtures.fixture(fixture);
        String path = request.get("path").asText();
        String method = request.path("method").asText("POST");
        boolean newFamily = path.startsWith("/v1.0/");
        Api api = token != null && newFamily ? anonymous().withHeader("x-acs-dingtalk-access-token", token)
                : anonymous();
        String withToken = token == null || newFamily ? "" : "access_token=" + token;
        if (request.has("form")) {
            String form = CompatFixtures.form(request.get("form"), replacements);
            return api.sendRaw(method, path, withToken.isEmpty() ? form : withToken + "&" + form,
                    request.get("contentType").asText());
        }
        if (request.has("json")) {
            ObjectNode json = request.get("json").deepCopy();
            replacements.forEach((name, value) -> {
                if (!json.has(name)) {
                    throw new IllegalArgumentException("the documented body has no " + name);
                }
                json.set(name, DOCUMENTED.valueToTree(value));
            });
            return api.sendRaw(method, path + (withToken.isEmpty() ? "" : "?" + withToken), json.toString(),
                    request.get("contentType").asText());
        }
        StringJoiner query = new StringJoiner("&");
        if (!withToken.isEmpty()) {
            query.add(withToken);
        }
        request.get("query").fieldNames().forEachRemaining(name -> query.add(name + "=" + URLEncoder.encode(
                String.valueOf(replacements.containsKey(name) ? replacements.get(name)
                        : request.get("query").get(name).asText()), StandardCharsets.UTF_8)));
        return api.get(path + "?" + query);
    }
}
