package hk.lantau.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The bulk reads of people by a date in their profile: active people only, this organisation only. */
class AudienceDatesApiTest extends DirectoryApiTestSupport {

    @Autowired
    Audiences audiences;

    @Test
    void contractsEndingOnADateAreTheActivePeopleOfThatOrganisation() {
        Org org = newOrganisation();
        Org other = newOrganisation();
        LocalDate end = LocalDate.of(2027, 3, 31);
        String ends = person(org, "Ends On Date", "contractEndDate", end);
        person(org, "Ends Later", "contractEndDate", end.plusDays(1));
        String suspended = person(org, "Suspended Person", "contractEndDate", end);
        assertThat(org.admin().post("/api/v1/users/" + suspended + "/suspend", Map.of()).status()).isEqualTo(200);
        person(other, "Other Org", "contractEndDate", end);

        assertThat(audiences.activeWithContractEndingOn(tenantId(org), end)).containsExactly(ends);
        assertThat(audiences.activeWithContractEndingOn(tenantId(org), end.minusDays(1))).isEmpty();
    }

    @Test
    void hireAnniversariesCountEarlierYearsAndLeapDayHiresOnTheTwentyEighth() {
        Org org = newOrganisation();
        String march = person(org, "Hired March", "hireDate", LocalDate.of(2020, 3, 2));
        person(org, "Hired This Year", "hireDate", LocalDate.of(2027, 3, 2));
        String leap = person(org, "Hired Leap Day", "hireDate", LocalDate.of(2024, 2, 29));
        String feb28 = person(org, "Hired Feb 28", "hireDate", LocalDate.of(2023, 2, 28));

        long tenant = tenantId(org);
        assertThat(audiences.activeWithHireAnniversaryOn(tenant, LocalDate.of(2027, 3, 2))).containsExactly(march);
        assertThat(audiences.activeWithHireAnniversaryOn(tenant, LocalDate.of(2027, 2, 28)))
                .containsExactlyInAnyOrder(leap, feb28);
        assertThat(audiences.activeWithHireAnniversaryOn(tenant, LocalDate.of(2028, 2, 28))).containsExactly(feb28);
        assertThat(audiences.activeWithHireAnniversaryOn(tenant, LocalDate.of(2028, 2, 29))).containsExactly(leap);
    }

    private String person(Org org, String name, String dateField, LocalDate date) {
        return createUser(org.admin(), json("name", name, "email", newEmail("dates"), "mobile", newMobile(),
                dateField, date.toString()));
    }
}
