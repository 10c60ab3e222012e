package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.identity.Accounts;
import hk.lantau.identity.LoginLink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Approvals in a real browser: a staff member asks for leave, their manager approves it from
 * their tasks, and the staff member sees it approved; and an HR admin builds a two-step template
 * with a condition branch in the editor.
 */
class ApprovalBrowserTest extends BrowserTestSupport {

    @Autowired
    private Accounts accounts;

    @Test
    void aStaffMemberAsksForLeaveTheManagerApprovesAndTheStaffMemberSeesItApproved() throws IOException {
        Org org = newOrganisation();
        String ada = person(org, "Ada Lam");
        String ben = person(org, "Ben Chow");
        var created = org.admin().post("/api/v1/approval-templates", Map.of("name", "Annual leave",
                "groupName", "Leave", "description", "Days off from your annual entitlement.",
                "form", List.of(
                        Map.of("id", "kind", "type", "DDSelectField", "label", "Kind of leave", "required", true,
                                "options", List.of("Annual", "Compensation", "Unpaid")),
                        Map.of("id", "when", "type", "DDDateRangeField", "label", "Dates", "required", true),
                        Map.of("id", "days", "type", "NumberField", "label", "Working days", "required", true,
                                "min", 0.5, "max", 30),
                        Map.of("id", "reason", "type", "TextareaField", "label", "Reason", "required", false),
                        Map.of("id", "proof", "type", "DDAttachment", "label", "Supporting document",
                                "required", false)),
                "process", List.of(Map.of("type", "approver", "id", "manager", "name", "Manager",
                        "approvers", Map.of("kind", "USERS", "userIds", List.of(userId(org, ben)))))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String code = created.json().get("processCode").asText();

        WebDriver adaBrowser = browser;
        signInAs(ada, PASSWORD);
        open("/approvals?lang=en");
        screenshot("start");
        click("[data-test='template-" + code + "']");
        waitForPath("/approvals/new/" + code);
        new Select(find("#f-v-kind")).selectByVisibleText("Annual");
        setDate("#f-v-when-start", "2026-12-21");
        setDate("#f-v-when-end", "2026-12-23");
        type("#f-v-days", "45");
        type("#f-v-reason", "Family trip to Penang");
        Path proof = Files.createTempFile("itinerary-", ".txt");
        Files.writeString(proof, "Flight CX 691, 21 December");
        find("#f-v-proof").sendKeys(proof.toString());
        screenshot("form-filled");
        // The browser checks the range itself; without its check the server refuses the same way.
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector('[data-test=approval-form]').noValidate = true;");
        click("[data-test=submit-approval]");
        find("[data-test=form-errors]");
        assertThat(find("[data-field=days] .field-error").getText()).isNotBlank();
        assertThat(find("#f-v-reason").getAttribute("value")).isEqualTo("Family trip to Penang");
        assertThat(find("[data-test=files-proof]").getText()).contains(proof.getFileName().toString());
        screenshot("refused-days");
        type("#f-v-days", "3");
        click("[data-test=submit-approval]");
        waitForText("[data-test=approval-status]", "In progress");
        String instancePath = browser.getCurrentUrl().replace(baseUrl(), "").replaceAll("\\?.*", "");
        screenshot("submitted");

        WebDriver benBrowser = anotherBrowser();
        use(benBrowser);
        signInAs(ben, PASSWORD);
        open("/approvals/tasks?lang=en");
        waitForText("[data-test=tasks]", "Ada Lam");
        screenshot("manager-tasks");
        click("[data-test=tasks] .task a");
        waitForPath(instancePath);
        type("[data-test=decide] textarea[name=remark]", "Enjoy the trip.");
        screenshot("manager-deciding");
        click("[data-test=decide] [data-test=approve]");
        waitForText("[data-test=approval-status]", "Approved");
        open("/approvals/tasks?lang=zh-HK");
        screenshot("manager-tasks-zh");

        use(adaBrowser);
        open(instancePath + "?lang=en");
        waitForText("[data-test=approval-status]", "Approved");
        assertThat(find("[data-test=timeline]").getText()).contains("Ben Chow", "Enjoy the trip.");
        assertThat(find("[data-test=values]").getText()).contains(proof.getFileName().toString());
        screenshot("staff-sees-approved");
        open(instancePath + "?lang=zh-HK");
        waitForText("[data-test=approval-status]", "已批准");
        screenshot("staff-sees-approved-zh");
        open("/approvals/mine?lang=zh-HK");
        screenshot("mine-zh");
    }

    @Test
    void anHrAdminBuildsATwoStepTemplateWithABranch() {
        Org org = newOrganisation();
        signInAs(org.adminEmail(), PASSWORD);
        open("/admin/approval-templates?lang=en");
        click("[data-test=new-template]");
        waitForPath("/admin/approval-templates/new");
        type("#name", "Overtime claim");
        type("#groupName", "Pay");
        new Select(find("[data-test=new-type]")).selectByValue("NumberField");
        press("[data-test=add-component]");
        type("[name='form[1].label']", "Hours");
        press("[data-test='add-branch-step-process']");
        find("[name='process[1].branches[0].clauses[0].values']");
        new Select(find("[name='process[1].branches[0].clauses[0].fieldId']")).selectByVisibleText("Hours");
        new Select(find("[name='process[1].branches[0].clauses[0].operator']")).selectByValue("GT");
        type("[name='process[1].branches[0].clauses[0].values']", "10");
        type("[name='process[1].branches[0].name']", "More than 10 hours");
        press("[data-test='add-approver-process[1].branches[0].steps']");
        type("[name='process[1].branches[0].steps[0].name']", "Department head");
        new Select(find("[name='process[1].branches[0].steps[0].approvers.managerLevel']")).selectByValue("2");
        screenshot("editor-branch");
        new Select(find("[name='process[1].branches[0].steps[0].approvers.kind']")).selectByValue("ROLE");
        find("[name='process[1].branches[0].steps[0].approvers.roleKey']");
        new Select(find("[name='process[1].branches[0].steps[0].approvers.kind']")).selectByValue("MANAGER");
        new Select(find("[name='process[1].branches[0].steps[0].approvers.managerLevel']")).selectByValue("2");
        type("[name='process[1].name']", "Long overtime");
        press("[data-test=save-template]");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                !d.findElements(By.cssSelector(".alert-success, [data-test=editor-errors]")).isEmpty());
        assertThat(all("[data-test=editor-errors]")).as(all("[data-test=editor-errors]").isEmpty() ? ""
                : find("[data-test=editor-errors]").getText()).isEmpty();
        waitForText(".alert-success", "created");
        screenshot("editor-saved");
        String code = browser.getCurrentUrl().replaceAll(".*/admin/approval-templates/([^?#]+).*", "$1");

        JsonNode template = org.admin().get("/api/v1/approval-templates/" + code).json();
        JsonNode process = template.at("/definition/process");
        assertThat(process).hasSize(2);
        assertThat(process.get(0).get("type").asText()).isEqualTo("approver");
        assertThat(process.get(1).get("type").asText()).isEqualTo("branch");
        JsonNode branch = process.get(1).get("branches").get(0);
        assertThat(branch.at("/condition/fieldId").asText()).isEqualTo(template.at("/definition/form/1/id").asText());
        assertThat(template.at("/definition/form/1/label").asText()).isEqualTo("Hours");
        assertThat(branch.at("/condition/values/0").asText()).isEqualTo("10");
        assertThat(branch.at("/steps/0/approvers/managerLevel").asInt()).isEqualTo(2);
        assertThat(process.get(1).get("branches").get(1).get("condition")).isNull();

        open("/admin/approval-templates/" + code + "?lang=zh-HK");
        screenshot("editor-zh");
        open("/admin/approval-templates?lang=zh-HK");
        screenshot("templates-zh");
    }

    /** Clicks after bringing the element to the middle of the view, clear of the sticky save bar. */
    private void press(String css) {
        var element = find(css);
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** Date inputs take typed digits in the browser's order; setting the value is the same for every locale. */
    private void setDate(String css, String isoDate) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                find(css), isoDate);
    }

    private String person(Org org, String name) {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.hk";
        var created = org.admin().post("/api/v1/users", Map.of("name", name, "email", email));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long tenantId = jdbc.sql("select id from tenant where corp_id = :c").param("c", org.corpId())
                .query(Long.class).single();
        long account = accounts.createUserAccount(tenantId, created.json().get("userId").asText(), email);
        setPassword(accounts.issueLink(account, LoginLink.Purpose.SETUP).url(), PASSWORD);
        return email;
    }

    private String userId(Org org, String email) {
        return jdbc.sql("select u.userid from dir_user u join tenant t on t.id = u.tenant_id "
                        + "where t.corp_id = :c and u.email = :e")
                .param("c", org.corpId()).param("e", email).query(String.class).single();
    }
}
