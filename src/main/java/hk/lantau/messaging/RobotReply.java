package hk.lantau.messaging;

/** DingTalk's answer to a robot call: {@code errcode} 0 and {@code errmsg} "ok" on success. */
public record RobotReply(int errcode, String errmsg) {

    public static final RobotReply OK = new RobotReply(0, "ok");

    public boolean ok() {
        return errcode == 0;
    }
}
