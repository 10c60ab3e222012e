package hk.lantau.compat.internal.callbacks;

/** A registration's token and AES key, kept together as the subscription's sealed secret. */
record CallbackKeys(String token, String aesKey) {

    static CallbackKeys parse(String secret) {
        int colon = secret.indexOf(':');
        return new CallbackKeys(secret.substring(0, colon), secret.substring(colon + 1));
    }

    String secret() {
        return token + ":" + aesKey;
    }

    @Override
    public String toString() {
        return "CallbackKeys[…]";
    }
}
