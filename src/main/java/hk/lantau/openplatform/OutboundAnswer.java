package hk.lantau.openplatform;

/**
 * What an address answered to a call Lantau made: its HTTP status and the start of its body, or,
 * when there was no answer, why ({@code failure}: a timeout, a refused internal address, ...).
 */
public record OutboundAnswer(Integer status, String body, String failure) {

    public boolean ok() {
        return status != null && status >= 200 && status < 300;
    }
}
