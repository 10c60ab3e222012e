package hk.lantau.compliance.internal;

import hk.lantau.compliance.SecretSealing;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Seals machine secrets with the field keyset. The associated data has its own prefix, so a
 * sealed secret can never be opened as a protected field or the other way round.
 */
@Component
class TinkSecretSealing implements SecretSealing {

    private final FieldKeys keys;

    TinkSecretSealing(FieldKeys keys) {
        this.keys = keys;
    }

    @Override
    public String seal(String purpose, String clear) {
        return clear == null ? null : keys.seal(clear, associatedData(purpose));
    }

    @Override
    public String open(String purpose, String sealed) {
        return sealed == null ? null : keys.open(sealed, associatedData(purpose));
    }

    @Override
    public String reseal(String purpose, String sealed) {
        if (sealed == null || keys.isUnderPrimary(sealed)) {
            return sealed;
        }
        return seal(purpose, open(purpose, sealed));
    }

    private static byte[] associatedData(String purpose) {
        return ("lantau-secret|" + purpose).getBytes(StandardCharsets.UTF_8);
    }
}
