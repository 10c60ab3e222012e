package hk.lantau.openplatform.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // openssl: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_test'
        assertThat(WebhookSigner.signature("whsec_test", 1700000000L, "{\"a\":1}"))
                .isEqualTo("v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
    }

    @Test
    void carriesOneSignaturePerSecretNewestFirst() {
        String header = WebhookSigner.header(List.of("whsec_new", "whsec_old"), 1L, "{}");
        assertThat(header).isEqualTo(WebhookSigner.signature("whsec_new", 1L, "{}") + ","
                + WebhookSigner.signature("whsec_old", 1L, "{}"));
    }

    @Test
    void newSecretsAreLongRandomAndPrefixed() {
        String a = WebhookSigner.newSecret();
        String b = WebhookSigner.newSecret();
        assertThat(a).startsWith("whsec_").hasSize(6 + 43).isNotEqualTo(b);
        assertThat(WebhookSigner.hint(a)).isEqualTo(a.substring(a.length() - 4));
    }
}
