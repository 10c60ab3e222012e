package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** An organisation admin builds part of the organisation through the pages and finds it again. */
class DirectoryBrowserTest extends BrowserTestSupport {

    @Test
    void adminCreatesADepartmentAndAPersonAndFindsBothInTheTree() {
        Org org = newOrganisation();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String department = "Logistics " + suffix;
        String person = "Chan Tai Man " + suffix;

        signInAs(org.adminEmail(), PASSWORD);
        waitForPath("/");
        screenshot("home");

        open("/admin/departments");
        type("#create-name", department);
        click("[data-test=create-form] button[type=submit]");
        waitForText("[data-test=done]", "Department added.");
        assertThat(find("[data-test=tree]").getText()).contains(department);
        assertThat(find("#dept-heading").getText()).isEqualTo(department);
        screenshot("department-created");

        String departmentUrl = browser.getCurrentUrl();
        String departmentId = departmentUrl.replaceAll(".*[?&]id=(\\d+).*", "$1");
        open("/admin/users/new?departmentId=" + departmentId);
        type("#name", person);
        type("#email", "tm.chan." + suffix + "@example.hk");
        type("#mobile", "+852 6" + String.format("%03d", Math.abs(suffix.hashCode()) % 1000) + " 1234");
        type("#title", "Warehouse supervisor");
        screenshot("person-form");
        click("[data-test=user-form] button[type=submit]");
        waitForText("[data-test=done]", "Person added.");
        assertThat(find("[data-test=person-name]").getText()).isEqualTo(person);
        assertThat(find("[data-field=mobile] .masked").getText()).contains("*");
        screenshot("person-created");

        open("/admin/departments");
        WebElement branch = all("[data-test=tree] a").stream().filter(a -> a.getText().equals(department))
                .findFirst().orElseThrow(() -> new AssertionError(department + " is not in the tree"));
        branch.click();
        waitForText("#dept-heading", department);
        assertThat(find("[data-test=department-panel] table").getText()).contains(person, "Warehouse supervisor");
        screenshot("found-in-tree");

        click("[data-test=lang-zh]");
        waitForText("h1", "部門");
        assertThat(find("[data-test=department-panel] table").getText()).contains(person, "在職");
        screenshot("found-in-tree-zh");
    }
}
