package hk.lantau.messaging.internal.robot;

import hk.lantau.compliance.MobileNumbers;
import hk.lantau.directory.UserProfile;
import hk.lantau.directory.UserQuery;
import hk.lantau.directory.UserStatus;
import hk.lantau.directory.Users;
import hk.lantau.messaging.Chat;
import hk.lantau.messaging.ConversationInfo;
import hk.lantau.messaging.Mentions;
import hk.lantau.messaging.MessageAuthor;
import hk.lantau.messaging.RobotCall;
import hk.lantau.messaging.RobotReply;
import hk.lantau.messaging.RobotSender;
import hk.lantau.messaging.RobotWebhook;
import hk.lantau.shared.LantauException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The checks of DingTalk's robot webhook, in the order that reveals least to a stranger: the
 * token, the robot's state, the signature and address, then the message itself, its keywords
 * and the rate. The message is posted in the transaction that counts it, so a refusal by the
 * chat leaves neither a message nor a counted call.
 */
@Service
class RobotWebhookService implements RobotWebhook {

    static final int PER_MINUTE = 20;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final Duration BLOCK = Duration.ofMinutes(10);
    private static final int MAX_TOKEN = 200;
    private static final Logger log = LoggerFactory.getLogger(RobotWebhookService.class);

    private final RobotRepository robots;
    private final RobotCredentials credentials;
    private final Chat chat;
    private final Users users;
    private final TransactionOperations tx;
    private final Clock clock;

    RobotWebhookService(RobotRepository robots, RobotCredentials credentials, Chat chat, Users users,
                        TransactionOperations tx, Clock clock) {
        this.robots = robots;
        this.credentials = credentials;
        this.chat = chat;
        this.users = users;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public RobotReply send(RobotCall call) {
        try {
            requireJson(call.contentType());
            StoredRobot robot = robot(call.accessToken());
            try {
                deliver(robot, call);
                return RobotReply.OK;
            } catch (RobotRefusal refusal) {
                log.info("Call of robot {} refused with {} {}", robot.id(), refusal.errcode(), refusal.getMessage());
                return refusal.reply();
            }
        } catch (RobotRefusal refusal) {
            log.debug("Robot call refused with {}", refusal.errcode());
            return refusal.reply();
        }
    }

    @Override
    public RobotReply sendAs(RobotSender sender, RobotCall call) {
        try {
            requireJson(call.contentType());
            Optional<ConversationInfo> group = chat.conversation(sender.tenantId(), sender.conversationId());
            if (group.isEmpty() || group.get().dismissed()) {
                throw dismissed();
            }
            RobotMessage message = RobotMessageReader.read(call.body(), call.bodyTooLarge());
            Mentions mentions = mentions(sender.tenantId(), sender.conversationId(), message);
            post(() -> {
                if (!sender.admit().getAsBoolean()) {
                    return false;
                }
                chat.post(sender.tenantId(), sender.conversationId(), sender.author(), message.content(), mentions,
                        message.msgUuid());
                return true;
            });
            return RobotReply.OK;
        } catch (RobotRefusal refusal) {
            log.info("Message of {} {} refused with {} {}", sender.author().kind(), sender.author().id(),
                    refusal.errcode(), refusal.getMessage());
            return refusal.reply();
        }
    }

    /** Runs the counted post in one transaction; a refusal by the rate or the chat leaves nothing behind. */
    private void post(BooleanSupplier countAndPost) {
        try {
            Boolean sent = tx.execute(status -> countAndPost.getAsBoolean());
            if (!Boolean.TRUE.equals(sent)) {
                throw new RobotRefusal(RobotRefusal.TOO_FAST, "send too fast, exceed 20 times per minute");
            }
        } catch (LantauException e) {
            throw refusal(e);
        }
    }

    private void deliver(StoredRobot robot, RobotCall call) {
        if (!robot.enabled()) {
            throw new RobotRefusal(RobotRefusal.ROBOT_DISABLED, "robot is disabled");
        }
        Optional<ConversationInfo> group = chat.conversation(robot.tenantId(), robot.conversationId());
        if (group.isEmpty() || group.get().dismissed()) {
            throw dismissed();
        }
        if (robot.signing()) {
            RobotSignature.check(credentials.openSecret(robot.id(), robot.secretSealed()), call.timestamp(),
                    call.sign(), clock.instant());
        }
        if (!robot.ipRanges().isEmpty() && !Ipv4Ranges.contains(robot.ipRanges(), call.remoteAddress())) {
            throw RobotRefusal.security("ip " + call.remoteAddress() + " not in whitelist");
        }
        RobotMessage message = RobotMessageReader.read(call.body(), call.bodyTooLarge());
        if (!robot.keywords().isEmpty() && robot.keywords().stream().noneMatch(message.searchableText()::contains)) {
            throw RobotRefusal.security("keywords not in content");
        }
        Mentions mentions = mentions(robot.tenantId(), robot.conversationId(), message);
        post(() -> countAndPost(robot.id(), message, mentions));
    }

    /** Counts the call in the robot's window and posts; false (and nothing posted) when it sends too fast. */
    private boolean countAndPost(long robotId, RobotMessage message, Mentions mentions) {
        StoredRobot robot = robots.lock(robotId).orElseThrow(RobotWebhookService::unknownToken);
        Instant now = clock.instant();
        if (robot.blockedUntil() != null && now.isBefore(robot.blockedUntil())) {
            return false;
        }
        Instant start = robot.windowStart();
        int count = robot.windowCount();
        if (start == null || !now.isBefore(start.plus(WINDOW))) {
            start = now;
            count = 0;
        }
        if (count >= PER_MINUTE) {
            robots.window(robotId, null, 0, now.plus(BLOCK));
            log.warn("Robot {} sent more than {} messages a minute; blocked for {}", robotId, PER_MINUTE, BLOCK);
            return false;
        }
        robots.window(robotId, start, count + 1, null);
        chat.post(robot.tenantId(), robot.conversationId(),
                new MessageAuthor(MessageAuthor.Kind.ROBOT, Long.toString(robotId), robot.name()),
                message.content(), mentions, message.msgUuid());
        return true;
    }

    /** The members the call mentions, by userid or mobile; anyone else is left out, as DingTalk does. */
    private Mentions mentions(long tenantId, String conversationId, RobotMessage message) {
        Set<String> candidates = new LinkedHashSet<>(message.atUserIds());
        for (String mobile : message.atMobiles()) {
            Optional<String> normalised = MobileNumbers.tryNormalise(mobile);
            if (normalised.isPresent()) {
                users.search(tenantId, new UserQuery(null, null, UserStatus.ACTIVE, normalised.get()), null, 1)
                        .items().stream().map(UserProfile::userId).forEach(candidates::add);
            }
        }
        Set<String> members = new LinkedHashSet<>();
        for (String userId : candidates) {
            if (members.size() < RobotMessageReader.MAX_AT
                    && chat.role(tenantId, conversationId, userId).isPresent()) {
                members.add(userId);
            }
        }
        return members.isEmpty() && !message.atAll() ? Mentions.NONE : new Mentions(members, message.atAll());
    }

    private StoredRobot robot(String token) {
        if (token == null || token.isBlank()) {
            throw new RobotRefusal(RobotRefusal.ACCESS_TOKEN_MISSING, "access_token is missing");
        }
        if (token.length() > MAX_TOKEN) {
            throw unknownToken();
        }
        return robots.findByTokenHash(credentials.tokenHash(token.strip())).orElseThrow(
                RobotWebhookService::unknownToken);
    }

    private static void requireJson(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            type = null;
        }
        if (type == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
            throw new RobotRefusal(RobotRefusal.BAD_CONTENT_TYPE, "Content-Type must be application/json");
        }
    }

    /** The chat's own refusal in DingTalk's terms. */
    private static RobotRefusal refusal(LantauException e) {
        if (e.status() == HttpStatus.NOT_FOUND || e.status() == HttpStatus.CONFLICT) {
            return dismissed();
        }
        boolean tooLong = e.code().contains("too_long")
                || e.violations().stream().anyMatch(v -> v.code().contains("too_long"));
        if (tooLong) {
            return new RobotRefusal(RobotRefusal.TOO_LONG, "message too long: " + e.getMessage());
        }
        return RobotRefusal.invalid(e.getMessage());
    }

    private static RobotRefusal dismissed() {
        return new RobotRefusal(RobotRefusal.GROUP_DISMISSED, "group is dismissed");
    }

    private static RobotRefusal unknownToken() {
        return new RobotRefusal(RobotRefusal.TOKEN_NOT_EXIST, "token is not exist");
    }
}
