package hk.lantau.messaging.internal.robot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class Ipv4RangesTest {

    @Test
    void normalisesAddressesAndRanges() {
        assertThat(Ipv4Ranges.normalise(" 203.0.113.7 ")).contains("203.0.113.7");
        assertThat(Ipv4Ranges.normalise("203.0.113.7/32")).contains("203.0.113.7");
        assertThat(Ipv4Ranges.normalise("203.0.113.77/24")).contains("203.0.113.0/24");
        assertThat(Ipv4Ranges.normalise("0.0.0.0/0")).contains("0.0.0.0/0");
    }

    @Test
    void refusesWhatIsNotIpv4() {
        for (String bad : new String[] {null, "", "203.0.113", "256.1.1.1", "1.2.3.4/33", "01.2.3.4", "::1",
                "2001:db8::/32", "example.hk", "1.2.3.4/", "1.2.3.4/8/8"}) {
            assertThat(Ipv4Ranges.normalise(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void matchesAddressesInsideTheRangesOnly() {
        List<String> ranges = List.of("203.0.113.0/24", "198.51.100.9");
        assertThat(Ipv4Ranges.contains(ranges, "203.0.113.0")).isTrue();
        assertThat(Ipv4Ranges.contains(ranges, "203.0.113.255")).isTrue();
        assertThat(Ipv4Ranges.contains(ranges, "198.51.100.9")).isTrue();
        assertThat(Ipv4Ranges.contains(ranges, "203.0.114.1")).isFalse();
        assertThat(Ipv4Ranges.contains(ranges, "198.51.100.10")).isFalse();
        assertThat(Ipv4Ranges.contains(ranges, "0:0:0:0:0:0:0:1")).isFalse();
        assertThat(Ipv4Ranges.contains(ranges, null)).isFalse();
        assertThat(Ipv4Ranges.contains(List.of("0.0.0.0/0"), "8.8.8.8")).isTrue();
    }
}
