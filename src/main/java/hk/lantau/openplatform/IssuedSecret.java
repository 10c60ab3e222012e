package hk.lantau.openplatform;

/** A new secret with its value, which is shown this once and stored only as a keyed hash. */
public record IssuedSecret(AppSecret secret, String value) {

    @Override
    public String toString() {
        return "IssuedSecret[secret=" + secret + ", value=…" + secret.hint() + "]";
    }
}
