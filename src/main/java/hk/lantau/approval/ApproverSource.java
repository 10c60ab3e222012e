package hk.lantau.approval;

import java.util.List;

/**
 * Who approves (or is copied) at a step.
 *
 * @param userIds      for {@link ApproverKind#USERS}: the people, in order
 * @param managerLevel for {@link ApproverKind#MANAGER}: 1 is the originator's manager, 2 their
 *                     manager's, and so on; a chain that ends sooner stops at its top (empty
 *                     levels are skipped)
 * @param roleKey      for {@link ApproverKind#ROLE}: the role whose active holders approve
 * @param choiceKey    for {@link ApproverKind#ORIGINATOR_CHOICE}: the key under which the
 *                     originator names the people at submission (DingTalk's {@code actionerKey})
 */
public record ApproverSource(ApproverKind kind, List<String> userIds, Integer managerLevel, String roleKey,
                             String choiceKey) {

    public ApproverSource {
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
    }

    public enum ApproverKind { USERS, MANAGER, ROLE, ORIGINATOR_CHOICE }
}
