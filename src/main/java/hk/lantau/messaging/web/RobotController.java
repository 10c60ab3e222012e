package hk.lantau.messaging.web;

import hk.lantau.messaging.NewRobot;
import hk.lantau.messaging.RobotChange;
import hk.lantau.messaging.RobotView;
import hk.lantau.messaging.Robots;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.PeopleOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A group's custom robots, for its owner and admins. Anyone else (members included) gets 404
 * messaging.robot_group_not_found. Answers carry the webhook URL and the signing secret, so they
 * are never cached.
 */
@RestController
@PeopleOnly
@Tag(name = "Group robots", description = "Custom robots that post into a group through DingTalk's webhook "
        + "protocol (POST /robot/send); managed by the group's owner and admins")
class RobotController {

    private static final String PATH = "/api/v1/conversations/{conversationId}/robots";

    private final Robots robots;

    RobotController(Robots robots) {
        this.robots = robots;
    }

    @GetMapping(PATH)
    @Operation(summary = "The group's robots, with their webhook URLs")
    ResponseEntity<List<RobotView>> list(@PathVariable String conversationId) {
        Actor me = CurrentActor.get();
        return secret(robots.list(me.requireTenant(), me.userId(), conversationId));
    }

    @PostMapping(PATH)
    @Operation(summary = "Add a custom robot to the group",
            description = "At least one security setting is needed (400 messaging.robot_security_required): "
                    + "signing (the answer carries a secret starting with SEC), up to 10 keywords of which each "
                    + "message must contain one, or up to 20 IPv4 addresses or CIDR ranges calls must come from. "
                    + "A group has at most 20 robots (409 messaging.robot_limit); a dismissed group takes none "
                    + "(409 messaging.robot_group_dismissed).")
    ResponseEntity<RobotView> create(@PathVariable String conversationId, @RequestBody RobotRequest request) {
        Actor me = CurrentActor.get();
        RobotView robot = robots.create(me.requireTenant(), me.userId(), conversationId,
                new NewRobot(request.name(), Boolean.TRUE.equals(request.signing()), request.keywords(),
                        request.ipRanges()));
        return ResponseEntity.created(URI.create("/api/v1/conversations/" + conversationId + "/robots/" + robot.id()))
                .cacheControl(CacheControl.noStore()).body(robot);
    }

    @GetMapping(PATH + "/{robotId}")
    @Operation(summary = "One robot")
    ResponseEntity<RobotView> get(@PathVariable String conversationId, @PathVariable long robotId) {
        Actor me = CurrentActor.get();
        return secret(robots.get(me.requireTenant(), me.userId(), conversationId, robotId));
    }

    @PatchMapping(PATH + "/{robotId}")
    @Operation(summary = "Change a robot's name or security settings; absent fields stay, an empty list clears",
            description = "Turning signing on gives the robot a new secret; turning it off drops the secret.")
    ResponseEntity<RobotView> change(@PathVariable String conversationId, @PathVariable long robotId,
                                     @RequestBody RobotRequest request) {
        Actor me = CurrentActor.get();
        return secret(robots.change(me.requireTenant(), me.userId(), conversationId, robotId,
                new RobotChange(request.name(), request.signing(), request.keywords(), request.ipRanges())));
    }

    @PostMapping(PATH + "/{robotId}/reset-token")
    @Operation(summary = "Give the robot a new webhook URL; the old one stops working at once")
    ResponseEntity<RobotView> resetToken(@PathVariable String conversationId, @PathVariable long robotId) {
        Actor me = CurrentActor.get();
        return secret(robots.resetToken(me.requireTenant(), me.userId(), conversationId, robotId));
    }

    @PostMapping(PATH + "/{robotId}/reset-secret")
    @Operation(summary = "Give the robot a new signing secret; the old one stops working at once",
            description = "409 messaging.robot_signing_off when signing is off.")
    ResponseEntity<RobotView> resetSecret(@PathVariable String conversationId, @PathVariable long robotId) {
        Actor me = CurrentActor.get();
        return secret(robots.resetSecret(me.requireTenant(), me.userId(), conversationId, robotId));
    }

    @PostMapping(PATH + "/{robotId}/disable")
    @Operation(summary = "Disable the robot: its calls get errcode 400102 until it is enabled again")
    ResponseEntity<RobotView> disable(@PathVariable String conversationId, @PathVariable long robotId) {
        Actor me = CurrentActor.get();
        return secret(robots.setEnabled(me.requireTenant(), me.userId(), conversationId, robotId, false));
    }

    @PostMapping(PATH + "/{robotId}/enable")
    @Operation(summary = "Enable a disabled robot")
    ResponseEntity<RobotView> enable(@PathVariable String conversationId, @PathVariable long robotId) {
        Actor me = CurrentActor.get();
        return secret(robots.setEnabled(me.requireTenant(), me.userId(), conversationId, robotId, true));
    }

    @DeleteMapping(PATH + "/{robotId}")
    @Operation(summary = "Delete the robot; its webhook answers errcode 300005 from now on")
    ResponseEntity<Void> delete(@PathVariable String conversationId, @PathVariable long robotId) {
        Actor me = CurrentActor.get();
        robots.delete(me.requireTenant(), me.userId(), conversationId, robotId);
        return ResponseEntity.noContent().build();
    }

    private static <T> ResponseEntity<T> secret(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    @Schema(name = "RobotRequest", example = """
            {"name": "Alertmanager", "signing": true, "keywords": ["alert"], "ipRanges": ["203.0.113.0/24"]}""")
    record RobotRequest(@Schema(description = "1 to 60 characters; required when adding") String name,
                        @Schema(description = "Whether calls must be signed with the robot's secret") Boolean signing,
                        @Schema(description = "Up to 10; each message must contain at least one") List<String> keywords,
                        @Schema(description = "Up to 20 IPv4 addresses or CIDR ranges") List<String> ipRanges) {
    }
}
