package hk.lantau.forms.web;

import hk.lantau.forms.FormDefinition;
import hk.lantau.forms.FormPreset;
import hk.lantau.forms.FormView;
import hk.lantau.forms.RoundExport;
import hk.lantau.forms.RoundSummary;
import hk.lantau.forms.RoundView;
import hk.lantau.forms.SmartForms;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/forms")
@Tag(name = "Smart forms", description = "Forms built from approval's components, sent to people and departments on "
        + "a schedule, with reminders, live summaries, exports and a retention period. See docs/forms.md.")
class FormController {

    private final SmartForms forms;

    FormController(SmartForms forms) {
        this.forms = forms;
    }

    @GetMapping
    @RequiresScope(Scope.FORM_READ)
    @Operation(summary = "The organisation's forms, newest first; includeArchived=true adds archived ones; needs "
            + "forms.read")
    List<FormView> list(@RequestParam(defaultValue = "false") boolean includeArchived) {
        return forms.list(tenant(), includeArchived);
    }

    @PostMapping
    @RequiresScope(Scope.FORM_WRITE)
    @Operation(summary = "Create a form; needs forms.manage",
            description = "Checks the components by approval's rules, the audience and the schedule; stores "
                    + "nothing when anything is wrong. The first round opens at the schedule's next time.")
    @ApiResponse(responseCode = "201", description = "The form")
    @ApiResponse(responseCode = "400", description = "forms.form_invalid with errors such as "
            + "approval.component_options_invalid, forms.audience_empty, forms.user_unknown, forms.schedule_invalid, "
            + "forms.reminder_invalid, forms.retention_invalid, forms.component_unsupported")
    @ApiResponse(responseCode = "403", description = "auth.permission_missing")
    ResponseEntity<FormView> create(@RequestBody FormDefinition definition) {
        FormView view = forms.create(tenant(), definition);
        return ResponseEntity.created(URI.create("/api/v1/forms/" + view.id())).body(view);
    }

    @GetMapping("/presets")
    @RequiresScope(Scope.FORM_WRITE)
    @Operation(summary = "Ready-made definitions to start from (a daily health declaration); needs forms.manage")
    List<FormPreset> presets() {
        return forms.presets();
    }

    @GetMapping("/{formId}")
    @RequiresScope(Scope.FORM_READ)
    @Operation(summary = "A form, with when its next round opens")
    @ApiResponse(responseCode = "404", description = "forms.form_not_found")
    FormView get(@PathVariable long formId) {
        return forms.get(tenant(), formId);
    }

    @PutMapping("/{formId}")
    @RequiresScope(Scope.FORM_WRITE)
    @Operation(summary = "Replace a form's definition; the open round keeps the form it opened with; needs "
            + "forms.manage")
    @ApiResponse(responseCode = "400", description = "forms.form_invalid")
    @ApiResponse(responseCode = "404", description = "forms.form_not_found")
    @ApiResponse(responseCode = "409", description = "forms.form_archived")
    FormView update(@PathVariable long formId, @RequestBody FormDefinition definition) {
        return forms.update(tenant(), formId, definition);
    }

    @PostMapping("/{formId}/archive")
    @RequiresScope(Scope.FORM_WRITE)
    @Operation(summary = "Archive a form: no more rounds, the open one closes; needs forms.manage")
    @ApiResponse(responseCode = "404", description = "forms.form_not_found")
    FormView archive(@PathVariable long formId) {
        return forms.archive(tenant(), formId);
    }

    @GetMapping("/{formId}/rounds")
    @RequiresScope(Scope.FORM_READ)
    @Operation(summary = "A form's rounds, newest first, with how many were asked and answered")
    @ApiResponse(responseCode = "404", description = "forms.form_not_found")
    List<RoundView> rounds(@PathVariable long formId) {
        return forms.rounds(tenant(), formId);
    }

    @GetMapping("/{formId}/rounds/{roundId}/summary")
    @RequiresScope(Scope.FORM_READ)
    @Operation(summary = "A round's counts per option, number figures, answers and who has not answered by "
            + "department; a purged round keeps its counts only")
    @ApiResponse(responseCode = "404", description = "forms.form_not_found, forms.round_not_found")
    RoundSummary summary(@PathVariable long formId, @PathVariable long roundId) {
        return forms.summary(tenant(), formId, roundId);
    }

    @GetMapping("/{formId}/rounds/{roundId}/export")
    @RequiresScope(Scope.FORM_READ)
    @Operation(summary = "A round's answers as CSV (UTF-8; bom=true adds a byte order mark) or XLSX; audited")
    @ApiResponse(responseCode = "400", description = "forms.export_format_invalid")
    @ApiResponse(responseCode = "404", description = "forms.form_not_found, forms.round_not_found")
    ResponseEntity<byte[]> export(@PathVariable long formId, @PathVariable long roundId,
                                  @RequestParam(defaultValue = "csv") String format,
                                  @RequestParam(defaultValue = "false") boolean bom) {
        RoundExport file = forms.export(tenant(), formId, roundId, format, bom);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, file.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .body(file.content());
    }

    private static long tenant() {
        return CurrentActor.get().requireTenant();
    }
}
