package hk.lantau.web.attendance;

import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.Permission;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the attendance admin pages' tabs whether to offer the set-up pages or only reports and the export. */
@ControllerAdvice(assignableTypes = {AdminPlacesPageController.class, AdminShiftsPageController.class,
    AdminGroupsPageController.class, AdminHolidaysPageController.class, AdminWeatherPageController.class,
    AdminReportsPageController.class, AdminExportsPageController.class, AdminPayrollCodesPageController.class,
    AdminSftpPageController.class, AdminSettingsPageController.class})
class AdminTabsAdvice {

    @ModelAttribute("attendanceManager")
    boolean attendanceManager() {
        return CurrentActor.find().map(actor -> actor.can(Permission.ATTENDANCE_MANAGE)).orElse(false);
    }
}
