package hk.lantau.compat.robot.web;

import hk.lantau.openplatform.AppRobotSettings;
import hk.lantau.openplatform.AppRobotSettings.RobotSettings;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.PeopleOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Where an app's robot receives DingTalk-style robot messages; for people holding {@code apps.manage}. */
@RestController
@PeopleOnly
@Tag(name = "DingTalk robots", description = "Where an app's robot receives the messages people send it")
class AppRobotSettingsController {

    private final AppRobotSettings settings;

    AppRobotSettingsController(AppRobotSettings settings) {
        this.settings = settings;
    }

    record MessageUrl(String messageUrl) {
    }

    @Operation(summary = "The app robot's message receiving address and signing secret",
            description = "signingSecret signs each robot message (headers timestamp and sign); null until an "
                    + "address was set.")
    @GetMapping("/api/v1/apps/{appId}/robot")
    RobotSettings get(@PathVariable long appId) {
        return settings.get(CurrentActor.get().requireTenant(), appId);
    }

    @Operation(summary = "Set or clear (null or empty) the robot's message receiving address",
            description = "Checked like a webhook's callbackUrl: https, or http for hosts allowed for the "
                    + "organisation; never an internal address otherwise. Errors name messageUrl. Without an "
                    + "address the robot is in Stream mode: messages go to the app's Stream connection "
                    + "subscribed to /v1.0/im/bot/messages/get.")
    @PutMapping("/api/v1/apps/{appId}/robot")
    RobotSettings set(@PathVariable long appId, @RequestBody MessageUrl body) {
        return settings.setMessageUrl(CurrentActor.get().requireTenant(), appId, body.messageUrl());
    }

    @Operation(summary = "Issue a new signing secret; the old one stops at once")
    @PostMapping("/api/v1/apps/{appId}/robot/reset-secret")
    RobotSettings resetSecret(@PathVariable long appId) {
        return settings.resetSecret(CurrentActor.get().requireTenant(), appId);
    }
}
