package hk.lantau.web.attendance;

import hk.lantau.attendance.AttendanceGroup;
import hk.lantau.attendance.AttendanceGroups;
import hk.lantau.attendance.Place;
import hk.lantau.attendance.Places;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The organisation's places: the list, and a form to add or change one with its fence and Wi-Fi networks. */
@Controller
@RequestMapping("/admin/attendance")
class AdminPlacesPageController {

    private static final String[] FIELDS = {"name", "address", "latitude", "longitude", "radiusMeters", "wifi"};

    private final Places places;
    private final AttendanceGroups groups;
    private final PageMessages messages;

    AdminPlacesPageController(Places places, AttendanceGroups groups, PageMessages messages) {
        this.places = places;
        this.groups = groups;
        this.messages = messages;
    }

    @GetMapping
    String start() {
        AdminAccess.reader();
        return AdminAccess.canManage() ? "redirect:/admin/attendance/places" : "redirect:/admin/attendance/reports";
    }

    @GetMapping("/places")
    String list(@RequestParam(required = false) String done, Model model) {
        long tenantId = AdminAccess.manager();
        Map<Long, Integer> usedBy = new HashMap<>();
        for (AttendanceGroup group : groups.list(tenantId)) {
            group.placeIds().forEach(id -> usedBy.merge(id, 1, Integer::sum));
        }
        model.addAttribute("places", places.list(tenantId));
        model.addAttribute("usedBy", usedBy);
        model.addAttribute("done", done);
        model.addAttribute("errors", FormErrors.NONE);
        return "attendance/admin-places";
    }

    @GetMapping("/places/new")
    String newPlace(Model model) {
        AdminAccess.manager();
        return form(model, null, PlaceForm.empty(), FormErrors.NONE);
    }

    @PostMapping("/places")
    String create(HttpServletRequest request, HttpServletResponse response, Model model) {
        long tenantId = AdminAccess.manager();
        PlaceForm form = PlaceForm.from(request);
        try {
            places.create(tenantId, form.toDefinition());
            return "redirect:/admin/attendance/places?done=created";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return form(model, null, form, FormErrors.onLists(e, messages, FIELDS));
        }
    }

    @GetMapping("/places/{id}")
    String edit(@PathVariable long id, Model model) {
        long tenantId = AdminAccess.manager();
        Place place = places.get(tenantId, id);
        return form(model, place, PlaceForm.of(place), FormErrors.NONE);
    }

    @PostMapping("/places/{id}")
    String update(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
        long tenantId = AdminAccess.manager();
        Place place = places.get(tenantId, id);
        PlaceForm form = PlaceForm.from(request);
        try {
            places.update(tenantId, id, form.toDefinition());
            return "redirect:/admin/attendance/places?done=saved";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return form(model, place, form, FormErrors.onLists(e, messages, FIELDS));
        }
    }

    @PostMapping("/places/{id}/delete")
    String delete(@PathVariable long id, HttpServletResponse response, Model model) {
        long tenantId = AdminAccess.manager();
        Place place = places.get(tenantId, id);
        try {
            places.delete(tenantId, id);
            return "redirect:/admin/attendance/places?done=deleted";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return form(model, place, PlaceForm.of(place), FormErrors.of(e, messages));
        }
    }

    private static String form(Model model, Place place, PlaceForm form, FormErrors errors) {
        model.addAttribute("place", place);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "attendance/admin-place";
    }
}
