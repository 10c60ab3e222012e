package hk.lantau.messaging.internal.robot;

import hk.lantau.messaging.RobotReply;

/**
 * A robot call refused with one of DingTalk's error codes. The texts are DingTalk's own where
 * tools are known to match on them (the 310000 family); they never repeat the token, secret,
 * signature or message.
 */
final class RobotRefusal extends RuntimeException {

    static final int MISSING_JSON = 40035;
    static final int BAD_CONTENT_TYPE = 43004;
    static final int TOKEN_NOT_EXIST = 300005;
    static final int SECURITY = 310000;
    static final int GROUP_DISMISSED = 400013;
    static final int ACCESS_TOKEN_MISSING = 400101;
    static final int ROBOT_DISABLED = 400102;
    static final int UNSUPPORTED_TYPE = 400105;
    static final int TOO_FAST = 410100;
    // DingTalk publishes no code for an over-long message; its "content not acceptable" code is the nearest.
    static final int TOO_LONG = 430104;

    private final int errcode;

    RobotRefusal(int errcode, String errmsg) {
        super(errmsg, null, false, false);
        this.errcode = errcode;
    }

    RobotReply reply() {
        return new RobotReply(errcode, getMessage());
    }

    int errcode() {
        return errcode;
    }

    static RobotRefusal invalid(String detail) {
        return new RobotRefusal(MISSING_JSON, "missing json: " + detail);
    }

    static RobotRefusal security(String reason) {
        return new RobotRefusal(SECURITY, reason);
    }
}
