package hk.lantau.web.forms;

import hk.lantau.approval.ComponentType;
import hk.lantau.directory.Audiences;
import hk.lantau.directory.Departments;
import hk.lantau.forms.FormDefinition;
import hk.lantau.forms.FormView;
import hk.lantau.forms.RoundExport;
import hk.lantau.forms.RoundView;
import hk.lantau.forms.SmartForms;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.web.approvals.ComponentActions;
import hk.lantau.web.approvals.EditorErrors;
import hk.lantau.web.approvals.TemplateForm;
import hk.lantau.web.directory.DepartmentTree;
import hk.lantau.web.shell.Colleagues;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.Person;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Forms for their designers and HR: the list, the editor (a new form, one from the health
 * declaration preset, or a change), and each round's summary with its exports.
 */
@Controller
@RequestMapping("/admin/forms")
class FormAdminPagesController {

    private static final String[] FIELDS = {"title", "description", "form", "audience", "schedule.kind",
            "schedule.date", "schedule.daysOfWeek", "schedule.time", "schedule.reminders", "retentionDays"};

    /** Forms have no file store, so every approval component but attachments. */
    private static final List<ComponentType> QUESTION_TYPES = Arrays.stream(ComponentType.values())
            .filter(t -> t != ComponentType.DDAttachment).toList();

    private final SmartForms forms;
    private final Colleagues colleagues;
    private final Departments departments;
    private final Audiences audiences;
    private final PageMessages texts;

    FormAdminPagesController(SmartForms forms, Colleagues colleagues, Departments departments, Audiences audiences,
                             PageMessages texts) {
        this.forms = forms;
        this.colleagues = colleagues;
        this.departments = departments;
        this.audiences = audiences;
        this.texts = texts;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("forms", forms.list(Person.current().tenantId(), true));
        model.addAttribute("canManage", CurrentActor.get().can(Permission.FORMS_MANAGE));
        return "forms/list";
    }

    @GetMapping("/new")
    String create(@RequestParam(required = false) String preset, Model model) {
        FormDefinition start = preset == null ? null : forms.presets().stream().filter(p -> p.key().equals(preset))
                .findFirst().map(p -> p.definition()).orElse(null);
        CurrentActor.require(Permission.FORMS_MANAGE);
        return editor(model, null, EditorForm.from(start), FormErrors.NONE, EditorErrors.NONE);
    }

    @PostMapping("/new")
    String save(@RequestParam MultiValueMap<String, String> params, @ModelAttribute Questions questions,
                @RequestParam(defaultValue = "save") String action, @RequestParam(required = false) String newType,
                HttpServletResponse response, Model model) {
        CurrentActor.require(Permission.FORMS_MANAGE);
        EditorForm posted = EditorForm.posted(params, questions.getForm());
        if (!action.equals("save")) {
            return changed(posted, action, newType, response, model, null);
        }
        try {
            FormView created = forms.create(Person.current().tenantId(), posted.toDefinition());
            return "redirect:/admin/forms/" + created.id() + "?done=saved";
        } catch (LantauException e) {
            return refused(e, response, model, null, posted);
        }
    }

    @GetMapping("/{formId}")
    String edit(@PathVariable long formId, Model model) {
        FormView form = forms.get(Person.current().tenantId(), formId);
        model.addAttribute("rounds", forms.rounds(Person.current().tenantId(), formId));
        return editor(model, form, EditorForm.from(form), FormErrors.NONE, EditorErrors.NONE);
    }

    @PostMapping("/{formId}")
    String update(@PathVariable long formId, @RequestParam MultiValueMap<String, String> params,
                  @ModelAttribute Questions questions, @RequestParam(defaultValue = "save") String action,
                  @RequestParam(required = false) String newType, HttpServletResponse response, Model model) {
        long tenantId = Person.current().tenantId();
        FormView form = forms.get(tenantId, formId);
        EditorForm posted = EditorForm.posted(params, questions.getForm());
        if (!action.equals("save")) {
            CurrentActor.require(Permission.FORMS_MANAGE);
            model.addAttribute("rounds", forms.rounds(tenantId, formId));
            return changed(posted, action, newType, response, model, form);
        }
        try {
            forms.update(tenantId, formId, posted.toDefinition());
            return "redirect:/admin/forms/" + formId + "?done=saved";
        } catch (LantauException e) {
            model.addAttribute("rounds", forms.rounds(tenantId, formId));
            return refused(e, response, model, form, posted);
        }
    }

    /** A button that changes the questions (add, remove, move, load JSON) draws the editor again unsaved. */
    private String changed(EditorForm posted, String action, String newType, HttpServletResponse response,
                           Model model, FormView form) {
        if (action.equals("import")) {
            if (!posted.load(posted.one("json"))) {
                response.setStatus(400);
                return editor(model, form, posted, FormErrors.NONE,
                        EditorErrors.general(texts.text("forms.editor.json_invalid")));
            }
        } else {
            List<TemplateForm.Field> questions = posted.getQuestions();
            ComponentActions.apply(questions, action, newType,
                    prefix -> ComponentActions.nextId(questions, Set.of(), prefix));
        }
        return editor(model, form, posted, FormErrors.NONE, EditorErrors.NONE);
    }

    @PostMapping("/{formId}/archive")
    String archive(@PathVariable long formId) {
        forms.archive(Person.current().tenantId(), formId);
        return "redirect:/admin/forms/" + formId + "?done=archived";
    }

    @GetMapping("/{formId}/rounds/{roundId}")
    String summary(@PathVariable long formId, @PathVariable long roundId, Model model) {
        long tenantId = Person.current().tenantId();
        model.addAttribute("form", forms.get(tenantId, formId));
        model.addAttribute("summary", forms.summary(tenantId, formId, roundId));
        model.addAttribute("rounds", forms.rounds(tenantId, formId));
        return "forms/summary";
    }

    @GetMapping("/{formId}/rounds/{roundId}/export")
    ResponseEntity<byte[]> export(@PathVariable long formId, @PathVariable long roundId,
                                  @RequestParam(defaultValue = "csv") String format,
                                  @RequestParam(defaultValue = "false") boolean bom) {
        RoundExport file = forms.export(Person.current().tenantId(), formId, roundId, format, bom);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, file.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .body(file.content());
    }

    private String refused(LantauException e, HttpServletResponse response, Model model, FormView form,
                           EditorForm posted) {
        if (e.status().value() == 404 || e.status().value() == 403) {
            throw e;
        }
        response.setStatus(e.status().value());
        List<FieldViolation> onQuestions = e.violations().stream().filter(EditorForm::onQuestions).toList();
        List<FieldViolation> others = EditorForm.onFields(e);
        FormErrors errors = onQuestions.isEmpty() || !others.isEmpty()
                ? FormErrors.of(new LantauException(e.status(), e.code(), e.getMessage(), others), texts, FIELDS)
                : FormErrors.NONE;
        return editor(model, form, posted, errors, EditorErrors.ofComponents(onQuestions, texts, posted.getQuestions()));
    }

    private String editor(Model model, FormView form, EditorForm editor, FormErrors errors, EditorErrors questionErrors) {
        Person me = Person.current();
        model.addAttribute("form", form);
        model.addAttribute("editor", editor);
        model.addAttribute("errors", errors);
        model.addAttribute("questionErrors", questionErrors);
        model.addAttribute("people", people(me, editor.many("userIds")));
        model.addAttribute("departmentOptions", new DepartmentTree(departments.tree(me.tenantId())).options());
        model.addAttribute("componentTypes", QUESTION_TYPES);
        model.addAttribute("columnTypes", QUESTION_TYPES.stream()
                .filter(t -> t != ComponentType.TableField && t != ComponentType.TextNote).toList());
        model.addAttribute("action", form == null ? "/admin/forms/new" : "/admin/forms/" + form.id());
        if (!model.containsAttribute("rounds")) {
            model.addAttribute("rounds", List.<RoundView>of());
        }
        return "forms/editor";
    }

    /**
     * Who can be asked: the people already asked first (so a large organisation's choice beyond the
     * colleagues offered is kept on saving), then the designer, then their colleagues.
     */
    private List<PersonChoice> people(Person me, List<String> chosen) {
        Map<String, String> people = new LinkedHashMap<>();
        audiences.summaries(me.tenantId(), chosen).values().forEach(p -> people.put(p.userId(), p.name()));
        chosen.forEach(id -> people.putIfAbsent(id, id));
        people.putIfAbsent(me.userId(), me.name());
        colleagues.of(me, null).forEach(p -> people.putIfAbsent(p.userId(), p.name()));
        return people.entrySet().stream().map(e -> new PersonChoice(e.getKey(), e.getValue())).toList();
    }

    /** A person in the audience list. */
    record PersonChoice(String userId, String name) {
    }
}
