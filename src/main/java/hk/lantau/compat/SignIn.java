package hk.lantau.compat;

import hk.lantau.openplatform.AppRedirectUris;
import java.util.Optional;

/**
 * DingTalk's sign-in for apps: an app's registered redirect addresses, one-time codes issued to the
 * signed-in person for one app, and the user tokens they are exchanged for. Codes live
 * {@link #CODE_SECONDS} seconds and are used once, by the app they were issued for; issuing,
 * redeeming and exchanging are audited.
 */
public interface SignIn extends AppRedirectUris {

    long CODE_SECONDS = 300;
    long TOKEN_SECONDS = 7_200;
    long REFRESH_SECONDS = 30L * 24 * 3_600;
    /**
     * A code for the current person to hand to the app at one of its registered addresses.
     *
     * @throws hk.lantau.shared.LantauException 400 {@code compat.sign_in_client_unknown} for a key that
     *         names no active app of the person's organisation, {@code compat.sign_in_redirect_unregistered}
     */
    String issue(long tenantId, String appKey, String redirectUri);

    /** The person a code was issued to, using it up; 400 {@code compat.sign_in_code_invalid} otherwise. */
    String redeem(long tenantId, long appId, String code);

    /**
     * A user token for a code (the app proves itself with its key and secret, as for its own token).
     *
     * @throws hk.lantau.openplatform.TokenRefusedException for bad credentials
     * @throws hk.lantau.shared.LantauException 400 {@code compat.sign_in_code_invalid}
     */
    UserToken exchange(String appKey, String appSecret, String code, String ip);

    /** A new user token for a refresh token, which is used up. */
    UserToken refresh(String appKey, String appSecret, String refreshToken, String ip);

    /** The person a user token acts for, while it is valid and they are active. */
    Optional<TokenHolder> holder(String userToken);

    record UserToken(String accessToken, String refreshToken, long expiresInSeconds, String corpId) {

        @Override
        public String toString() {
            return "UserToken[expiresInSeconds=" + expiresInSeconds + "]";
        }
    }

    record TokenHolder(long tenantId, long appId, String userId) {
    }
}
