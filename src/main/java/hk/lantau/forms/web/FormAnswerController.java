package hk.lantau.forms.web;

import hk.lantau.approval.FormValue;
import hk.lantau.forms.MyRound;
import hk.lantau.forms.RoundView;
import hk.lantau.forms.SmartForms;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.PeopleOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/forms/mine")
@Tag(name = "Smart forms", description = "Forms built from approval's components, sent to people and departments on "
        + "a schedule, with reminders, live summaries, exports and a retention period. See docs/forms.md.")
class FormAnswerController {

    private final SmartForms forms;

    FormAnswerController(SmartForms forms) {
        this.forms = forms;
    }

    @GetMapping
    @PeopleOnly
    @Operation(summary = "The open rounds that ask me, newest first")
    List<RoundView> open() {
        return forms.myOpenRounds(tenant());
    }

    @GetMapping("/{roundId}")
    @PeopleOnly
    @Operation(summary = "A round that asks me: its form and my answer")
    @ApiResponse(responseCode = "404", description = "forms.round_not_found (also for rounds that do not ask me)")
    MyRound get(@PathVariable long roundId) {
        return forms.myRound(tenant(), roundId);
    }

    @PostMapping("/{roundId}/answer")
    @PeopleOnly
    @Operation(summary = "Answer a round once, with values as approval forms take them (id or name, value)")
    @ApiResponse(responseCode = "201", description = "The round with my answer")
    @ApiResponse(responseCode = "400", description = "approval.form_invalid, listing each refused value")
    @ApiResponse(responseCode = "404", description = "forms.round_not_found")
    @ApiResponse(responseCode = "409", description = "forms.already_answered, forms.round_closed")
    ResponseEntity<MyRound> answer(@PathVariable long roundId, @RequestBody AnswerRequest request) {
        return ResponseEntity.status(201).body(forms.answer(tenant(), roundId, request.formValues()));
    }

    @PutMapping("/{roundId}/answer")
    @PeopleOnly
    @Operation(summary = "Change my answer while the round is open")
    @ApiResponse(responseCode = "400", description = "approval.form_invalid")
    @ApiResponse(responseCode = "404", description = "forms.round_not_found, forms.answer_not_found")
    @ApiResponse(responseCode = "409", description = "forms.round_closed")
    MyRound change(@PathVariable long roundId, @RequestBody AnswerRequest request) {
        return forms.changeAnswer(tenant(), roundId, request.formValues());
    }

    record AnswerRequest(List<FormValue> formValues) {
    }

    private static long tenant() {
        return CurrentActor.get().requireTenant();
    }
}
