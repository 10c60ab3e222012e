package hk.lantau.compat.web;

import hk.lantau.compat.SignIn;
import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.openplatform.TokenRefusedException;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.PeopleOnly;
import hk.lantau.shared.Permission;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DingTalk's login-free codes and user OAuth2 over the codes Lantau's sign-in page
 * ({@code /oauth2/auth}) issues: {@code /topapi/v2/user/getuserinfo} and {@code /user/getuserinfo}
 * (the app's token and a code, for the userid), {@code /v1.0/oauth2/userAccessToken} (the app's key
 * and secret and a code, for a user token) and {@code /v1.0/contact/users/me} (the user token, for
 * the person's profile). A code is used once, by the app it was issued for.
 */
@RestController
class SignInCodeController {

    private final SignIn signIn;
    private final Directory directory;
    private final CallingApp apps;

    SignInCodeController(SignIn signIn, Directory directory, CallingApp apps) {
        this.signIn = signIn;
        this.directory = directory;
        this.apps = apps;
    }

    @RequiresScope(Scope.USER_READ)
    @PostMapping("/topapi/v2/user/getuserinfo")
    ResponseEntity<Map<String, Object>> userInfo(DingTalkRequest body) {
        Actor app = CurrentActor.require(Permission.DIRECTORY_READ);
        DirectoryUser user = redeem(app, body.requireText("code"));
        int level = level(app.requireTenant(), user.userId());
        return OldReply.result(Wire.object()
                .put("userid", user.userId())
                .put("unionid", user.userId())
                .put("name", user.name())
                .put("sys", level == 1)
                .put("sys_level", level).map());
    }

    @RequiresScope(Scope.USER_READ)
    @GetMapping("/user/getuserinfo")
    ResponseEntity<Map<String, Object>> legacyUserInfo(DingTalkRequest body) {
        Actor app = CurrentActor.require(Permission.DIRECTORY_READ);
        DirectoryUser user = redeem(app, body.requireText("code"));
        int level = level(app.requireTenant(), user.userId());
        return OldReply.with(Wire.object()
                .put("userid", user.userId())
                .put("name", user.name())
                .put("is_sys", level == 1)
                .put("sys_level", level).map());
    }

    @PeopleOnly
    @PostMapping("/v1.0/oauth2/userAccessToken")
    ResponseEntity<Map<String, Object>> userAccessToken(DingTalkRequest body, HttpServletRequest request) {
        String clientId = body.requireText("clientId");
        String clientSecret = body.requireText("clientSecret");
        String grantType = body.text("grantType");
        SignIn.UserToken token;
        try {
            if ("refresh_token".equals(grantType)) {
                token = signIn.refresh(clientId, clientSecret, body.requireText("refreshToken"),
                        request.getRemoteAddr());
            } else if (grantType == null || "authorization_code".equals(grantType)) {
                token = signIn.exchange(clientId, clientSecret, body.requireText("code"), request.getRemoteAddr());
            } else {
                throw DingTalkException.invalidParameter("grantType");
            }
        } catch (TokenRefusedException e) {
            throw "openplatform.ip_not_allowed".equals(e.code()) ? DingTalkException.addressNotAllowed()
                    : DingTalkException.badCredentials(false);
        } catch (LantauException e) {
            throw codeRefused(e);
        }
        return ResponseEntity.ok().contentType(CompatErrors.NEW_JSON).body(Wire.object()
                .put("accessToken", token.accessToken())
                .put("refreshToken", token.refreshToken())
                .put("expireIn", token.expiresInSeconds())
                .put("corpId", token.corpId()).map());
    }

    /** The signed-in person's profile; {@code unionId} is {@code me} or their own userid. */
    @PeopleOnly
    @GetMapping("/v1.0/contact/users/{unionId}")
    ResponseEntity<Map<String, Object>> me(@PathVariable String unionId, HttpServletRequest request) {
        String token = request.getHeader(CompatAuthenticationFilter.NEW_TOKEN_HEADER);
        if (token == null || token.isBlank()) {
            throw DingTalkException.tokenMissing(Family.NEW);
        }
        SignIn.TokenHolder holder = signIn.holder(token).orElseThrow(DingTalkException::tokenInvalid);
        if (!"me".equals(unionId) && !holder.userId().equals(unionId)) {
            throw DingTalkException.userNotFound();
        }
        DirectoryUser user = directory.findUser(holder.tenantId(), holder.userId())
                .orElseThrow(DingTalkException::userNotFound);
        return ResponseEntity.ok().contentType(CompatErrors.NEW_JSON).body(Wire.object()
                .put("nick", user.name())
                .put("unionId", user.userId())
                .put("openId", user.userId())
                .put("email", user.email()).map());
    }

    private DirectoryUser redeem(Actor actor, String code) {
        long tenantId = actor.requireTenant();
        String userId;
        try {
            userId = signIn.redeem(tenantId, apps.of(actor).id(), code);
        } catch (LantauException e) {
            throw codeRefused(e);
        }
        return directory.findUser(tenantId, userId).orElseThrow(DingTalkException::userNotFound);
    }

    /** DingTalk's "main admin" level 1 for Lantau's admins, 0 for everyone else. */
    private int level(long tenantId, String userId) {
        return directory.roleKeys(tenantId, userId).contains("admin") ? 1 : 0;
    }

    private static RuntimeException codeRefused(LantauException e) {
        if ("compat.sign_in_code_invalid".equals(e.code())) {
            return DingTalkException.business(40078, "不存在的临时授权码", 400, "invalidAuthCode");
        }
        return e;
    }
}
