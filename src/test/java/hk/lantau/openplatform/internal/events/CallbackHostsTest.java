package hk.lantau.openplatform.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackHostsTest {

    @Test
    void writesEveryHostOneWay() {
        assertThat(CallbackHosts.canonical("Hooks.Example.Internal.")).isEqualTo("hooks.example.internal");
        assertThat(CallbackHosts.canonical("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(CallbackHosts.canonical("[::1]")).isEqualTo(CallbackHosts.canonical("0:0:0:0:0:0:0:1"));
        assertThat(CallbackHosts.canonical("[::ffff:127.0.0.1]")).isEqualTo("127.0.0.1");
        assertThat(CallbackHosts.canonical("[FD00::1]")).isEqualTo(CallbackHosts.canonical("fd00:0::1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "http://a.example", "a.example:8080", "a..example", "-a.example", "a_b.example",
        "fe80::1%eth0", "256.1.1.1", "1.2.3", "127.1", "2130706433", "a/b", "[::1"})
    void refusesWhatIsNoHost(String host) {
        assertThatThrownBy(() -> CallbackHosts.canonical(host)).as(host).isInstanceOf(IllegalArgumentException.class);
    }
}
