package hk.lantau.compat;

import hk.lantau.openplatform.AccessToken;

/**
 * DingTalk's app tokens: an app's Lantau key and secret for the open platform's access token, the
 * same token again while it is valid. Refusals are the open platform's
 * {@link hk.lantau.openplatform.TokenRefusedException}, audited there.
 */
public interface AppTokens {

    AccessToken grant(String appKey, String appSecret, String ip);
}
