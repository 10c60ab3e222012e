package hk.lantau.messaging.internal.robot;

import hk.lantau.messaging.Chat;
import hk.lantau.messaging.ConversationInfo;
import hk.lantau.messaging.ConversationKind;
import hk.lantau.messaging.MemberRole;
import hk.lantau.messaging.NewRobot;
import hk.lantau.messaging.RobotChange;
import hk.lantau.messaging.RobotChanged;
import hk.lantau.messaging.RobotCreated;
import hk.lantau.messaging.RobotCredentialReset;
import hk.lantau.messaging.RobotDeleted;
import hk.lantau.messaging.RobotView;
import hk.lantau.messaging.Robots;
import hk.lantau.shared.LantauException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class RobotService implements Robots {

    private final RobotRepository robots;
    private final RobotCredentials credentials;
    private final Chat chat;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String webhookBase;

    RobotService(RobotRepository robots, RobotCredentials credentials, Chat chat, ApplicationEventPublisher events,
                 Clock clock, @Value("${lantau.base-url}") String baseUrl) {
        this.robots = robots;
        this.credentials = credentials;
        this.chat = chat;
        this.events = events;
        this.clock = clock;
        this.webhookBase = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl)
                + "/robot/send?access_token=";
    }

    @Override
    @Transactional(readOnly = true)
    public List<RobotView> list(long tenantId, String userId, String conversationId) {
        managed(tenantId, userId, conversationId);
        return robots.list(tenantId, conversationId).stream().map(this::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public RobotView get(long tenantId, String userId, String conversationId, long robotId) {
        return view(robot(tenantId, userId, conversationId, robotId));
    }

    @Override
    @Transactional
    public RobotView create(long tenantId, String userId, String conversationId, NewRobot robot) {
        ConversationInfo group = managed(tenantId, userId, conversationId);
        String name = RobotSettingsCheck.name(robot.name());
        List<String> keywords = RobotSettingsCheck.keywords(robot.keywords());
        List<String> ipRanges = RobotSettingsCheck.ipRanges(robot.ipRanges());
        RobotSettingsCheck.secured(robot.signing(), keywords, ipRanges);
        if (group.dismissed()) {
            throw LantauException.conflict("messaging.robot_group_dismissed",
                    "This group was dismissed; robots can no longer be added.");
        }
        if (robots.count(tenantId, conversationId) >= MAX_PER_GROUP) {
            throw LantauException.conflict("messaging.robot_limit",
                    "A group has at most " + MAX_PER_GROUP + " robots.");
        }
        Instant now = clock.instant();
        String token = RobotCredentials.newToken();
        String tokenHash = credentials.tokenHash(token);
        long id = robots.insert(tenantId, conversationId, name, tokenHash, keywords, ipRanges, userId, now);
        robots.token(id, tokenHash, credentials.sealToken(id, token), now);
        if (robot.signing()) {
            robots.settings(id, name, credentials.sealSecret(id, RobotCredentials.newSecret()), keywords, ipRanges,
                    now);
        }
        events.publishEvent(new RobotCreated(tenantId, id, conversationId, name, robot.signing(), keywords, ipRanges));
        return get(tenantId, userId, conversationId, id);
    }

    @Override
    @Transactional
    public RobotView change(long tenantId, String userId, String conversationId, long robotId, RobotChange change) {
        StoredRobot current = robot(tenantId, userId, conversationId, robotId);
        String name = change.name() == null ? current.name() : RobotSettingsCheck.name(change.name());
        boolean signing = change.signing() == null ? current.signing() : change.signing();
        List<String> keywords = change.keywords() == null ? current.keywords()
                : RobotSettingsCheck.keywords(change.keywords());
        List<String> ipRanges = change.ipRanges() == null ? current.ipRanges()
                : RobotSettingsCheck.ipRanges(change.ipRanges());
        RobotSettingsCheck.secured(signing, keywords, ipRanges);
        Map<String, Object> changes = new LinkedHashMap<>();
        put(changes, "name", current.name(), name);
        put(changes, "signing", current.signing(), signing);
        put(changes, "keywords", current.keywords(), keywords);
        put(changes, "ipRanges", current.ipRanges(), ipRanges);
        if (changes.isEmpty()) {
            return view(current);
        }
        String secret = !signing ? null : current.signing() ? current.secretSealed()
                : credentials.sealSecret(robotId, RobotCredentials.newSecret());
        robots.settings(robotId, name, secret, keywords, ipRanges, clock.instant());
        events.publishEvent(new RobotChanged(tenantId, robotId, conversationId, changes));
        return get(tenantId, userId, conversationId, robotId);
    }

    @Override
    @Transactional
    public RobotView resetToken(long tenantId, String userId, String conversationId, long robotId) {
        robot(tenantId, userId, conversationId, robotId);
        String token = RobotCredentials.newToken();
        robots.token(robotId, credentials.tokenHash(token), credentials.sealToken(robotId, token), clock.instant());
        events.publishEvent(new RobotCredentialReset(tenantId, robotId, conversationId, "token"));
        return get(tenantId, userId, conversationId, robotId);
    }

    @Override
    @Transactional
    public RobotView resetSecret(long tenantId, String userId, String conversationId, long robotId) {
        StoredRobot current = robot(tenantId, userId, conversationId, robotId);
        if (!current.signing()) {
            throw LantauException.conflict("messaging.robot_signing_off",
                    "This robot does not sign its calls; turn signing on to give it a secret.");
        }
        robots.settings(robotId, current.name(), credentials.sealSecret(robotId, RobotCredentials.newSecret()),
                current.keywords(), current.ipRanges(), clock.instant());
        events.publishEvent(new RobotCredentialReset(tenantId, robotId, conversationId, "secret"));
        return get(tenantId, userId, conversationId, robotId);
    }

    @Override
    @Transactional
    public RobotView setEnabled(long tenantId, String userId, String conversationId, long robotId, boolean enabled) {
        StoredRobot current = robot(tenantId, userId, conversationId, robotId);
        if (current.enabled() == enabled) {
            return view(current);
        }
        robots.enabled(robotId, enabled, clock.instant());
        Map<String, Object> changes = new LinkedHashMap<>();
        put(changes, "enabled", current.enabled(), enabled);
        events.publishEvent(new RobotChanged(tenantId, robotId, conversationId, changes));
        return get(tenantId, userId, conversationId, robotId);
    }

    @Override
    @Transactional
    public void delete(long tenantId, String userId, String conversationId, long robotId) {
        StoredRobot current = robot(tenantId, userId, conversationId, robotId);
        robots.delete(robotId);
        events.publishEvent(new RobotDeleted(tenantId, robotId, conversationId, current.name()));
    }

    /** The group, if the person manages it; anything else is "not found", so nothing leaks. */
    private ConversationInfo managed(long tenantId, String userId, String conversationId) {
        return chat.conversation(tenantId, conversationId)
                .filter(c -> c.kind() != ConversationKind.DIRECT)
                .filter(c -> chat.role(tenantId, conversationId, userId).map(MemberRole::manages).orElse(false))
                .orElseThrow(() -> LantauException.notFound("messaging.robot_group_not_found",
                        "There is no such group, or you do not manage it."));
    }

    private StoredRobot robot(long tenantId, String userId, String conversationId, long robotId) {
        managed(tenantId, userId, conversationId);
        return robots.find(tenantId, conversationId, robotId).orElseThrow(() -> LantauException.notFound(
                "messaging.robot_not_found", "This group has no such robot."));
    }

    private RobotView view(StoredRobot robot) {
        return new RobotView(robot.id(), robot.conversationId(), robot.name(),
                webhookBase + credentials.openToken(robot.id(), robot.tokenSealed()), robot.signing(),
                robot.signing() ? credentials.openSecret(robot.id(), robot.secretSealed()) : null, robot.keywords(),
                robot.ipRanges(), robot.enabled(), robot.createdBy(), robot.createdAt(), robot.updatedAt());
    }

    private static void put(Map<String, Object> changes, String field, Object from, Object to) {
        if (!from.equals(to)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", from);
            change.put("to", to);
            changes.put(field, change);
        }
    }
}
