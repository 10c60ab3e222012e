package hk.lantau.web.chat;

import hk.lantau.messaging.ConversationKind;
import hk.lantau.messaging.ConversationView;
import hk.lantau.messaging.Conversations;
import hk.lantau.messaging.MemberView;
import hk.lantau.messaging.Mentions;
import hk.lantau.web.shell.Person;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Mentions as people type them: {@code @Name} of a member (the mention menu inserts exactly that),
 * and {@code @all} or {@code @所有人} for everyone in a group.
 */
@Component
class Mentioning {

    private static final Pattern ALL = Pattern.compile("(^|\\s)@(all|所有人)(?=$|[\\s\\p{Punct}，。！？])");

    private final Conversations conversations;

    Mentioning(Conversations conversations) {
        this.conversations = conversations;
    }

    Mentions resolve(Person me, ConversationView conversation, String text) {
        if (text == null || text.indexOf('@') < 0) {
            return Mentions.NONE;
        }
        boolean all = conversation.kind() != ConversationKind.DIRECT && ALL.matcher(text).find();
        Set<String> named = new LinkedHashSet<>();
        // Longest names first, so "@Chan Tai Man" is not also taken as "@Chan".
        String rest = text;
        for (MemberView member : conversations.members(me.tenantId(), me.userId(), conversation.id()).stream()
                .sorted(Comparator.comparingInt((MemberView m) -> m.name().length()).reversed()).toList()) {
            String mark = "@" + member.name();
            if (!member.userId().equals(me.userId()) && rest.contains(mark)) {
                named.add(member.userId());
                rest = rest.replace(mark, " ");
            }
        }
        return new Mentions(named, all);
    }
}
