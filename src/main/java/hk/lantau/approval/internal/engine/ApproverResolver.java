package hk.lantau.approval.internal.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.approval.ApproverSource;
import hk.lantau.directory.Audiences;
import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.directory.UserStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Finds the people of an approver or CC step when the step starts, so the directory as it is then
 * counts: managers walked up {@code managerUserId}, the active holders of a role, the people the
 * originator chose. People who are not active are left out.
 */
@Component
class ApproverResolver {

    private static final int MAX_CHAIN = 50;

    private final Directory directory;
    private final Audiences audiences;
    private final ObjectMapper json;

    ApproverResolver(Directory directory, Audiences audiences, ObjectMapper json) {
        this.directory = directory;
        this.audiences = audiences;
        this.json = json;
    }

    /** The people in order, without repeats. */
    List<String> resolve(long tenantId, String originator, String choicesJson, ApproverSource source) {
        List<String> people = switch (source.kind()) {
            case USERS -> active(tenantId, source.userIds());
            case MANAGER -> manager(tenantId, originator, source.managerLevel()).map(List::of).orElse(List.of());
            case ROLE -> audiences.activeRoleHolders(tenantId, source.roleKey());
            case ORIGINATOR_CHOICE -> active(tenantId, choices(choicesJson).getOrDefault(source.choiceKey(), List.of()));
        };
        return new ArrayList<>(people.stream().distinct().toList());
    }

    /**
     * The originator's manager {@code level} steps up. People who are not active are passed over
     * without counting as a level, and a chain that ends sooner stops at its top.
     */
    Optional<String> manager(long tenantId, String originator, int level) {
        String found = null;
        int climbed = 0;
        Set<String> seen = new HashSet<>();
        String current = originator;
        seen.add(current);
        while (climbed < level && seen.size() < MAX_CHAIN) {
            Optional<DirectoryUser> user = directory.findUser(tenantId, current);
            String next = user.map(DirectoryUser::managerUserId).orElse(null);
            if (next == null || !seen.add(next)) {
                break;
            }
            current = next;
            if (directory.findUser(tenantId, next).map(DirectoryUser::active).orElse(false)) {
                found = next;
                climbed++;
            }
        }
        return Optional.ofNullable(found);
    }

    boolean isActive(long tenantId, String userId) {
        return userId != null && audiences.statuses(tenantId, List.of(userId)).get(userId) == UserStatus.ACTIVE;
    }

    private List<String> active(long tenantId, List<String> userIds) {
        Map<String, UserStatus> statuses = audiences.statuses(tenantId, userIds);
        return userIds.stream().filter(u -> statuses.get(u) == UserStatus.ACTIVE).toList();
    }

    private Map<String, List<String>> choices(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, new TypeReference<Map<String, List<String>>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored approver choices did not parse", e);
        }
    }
}
