package hk.lantau.web.forms;

import hk.lantau.approval.FormValue;
import hk.lantau.forms.MyRound;
import hk.lantau.forms.SmartForms;
import hk.lantau.shared.LantauException;
import hk.lantau.web.approvals.PathErrors;
import hk.lantau.web.approvals.Submission;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.Person;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The forms that ask me, and answering one: the round's form drawn with the approval form's fields
 * (so every component looks and posts the same), my answer filled in while I may change it, and a
 * refused answer drawn again with each problem next to its field and every value kept.
 */
@Controller
class FormPagesController {

    private final SmartForms forms;
    private final PageMessages texts;

    FormPagesController(SmartForms forms, PageMessages texts) {
        this.forms = forms;
        this.texts = texts;
    }

    @GetMapping("/forms")
    String mine(Model model) {
        model.addAttribute("rounds", forms.myOpenRounds(Person.current().tenantId()));
        return "forms/mine";
    }

    @GetMapping("/forms/rounds/{roundId}")
    String round(@PathVariable long roundId, Model model) {
        MyRound round = forms.myRound(Person.current().tenantId(), roundId);
        return render(model, round, Submission.of(round.form(), AnswerParams.of(round.form(), round.answer())),
                PathErrors.NONE);
    }

    @PostMapping("/forms/rounds/{roundId}")
    String answer(@PathVariable long roundId, @RequestParam MultiValueMap<String, String> params,
                  HttpServletResponse response, Model model) {
        long tenantId = Person.current().tenantId();
        MyRound round = forms.myRound(tenantId, roundId);
        Submission submission = Submission.of(round.form(), params);
        if (submission.addingRow()) {
            return render(model, round, submission, PathErrors.NONE);
        }
        List<FormValue> values = submission.formValues();
        try {
            if (round.answeredAt() == null) {
                forms.answer(tenantId, roundId, values);
            } else {
                forms.changeAnswer(tenantId, roundId, values);
            }
            return "redirect:/forms/rounds/" + roundId + "?done=answered";
        } catch (LantauException e) {
            if (e.status().value() == 404 || e.status().value() == 403) {
                throw e;
            }
            response.setStatus(e.status().value());
            List<String> shown = round.form().stream().map(c -> c.id()).toList();
            return render(model, round, submission, PathErrors.of(e, texts,
                    path -> shown.contains(path) || path.matches("[\\w-]+\\[\\d+]\\.[\\w-]+")));
        }
    }

    private static String render(Model model, MyRound round, Submission submission, PathErrors errors) {
        model.addAttribute("mine", round);
        model.addAttribute("sub", submission);
        model.addAttribute("errors", errors);
        model.addAttribute("colleagues", List.of());
        model.addAttribute("departments", List.of());
        model.addAttribute("answered", round.answeredAt() != null);
        return "forms/fill";
    }
}
