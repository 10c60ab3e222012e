package hk.lantau.identity;

import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.identity.internal.AccountRecord;
import hk.lantau.identity.internal.AccountRepository;
import hk.lantau.shared.Actor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator helping a person into their account: a one-time sign-in or reset link, and
 * removing a lost authenticator. Nobody may do this for a person who holds a permission they lack,
 * so the right to reset cannot be used to take over a more powerful account; except those who may
 * grant roles, who could give themselves those permissions anyway.
 */
@Service
public class AccountRecovery {

    private final Directory directory;
    private final AccountRepository accountRows;
    private final Accounts accounts;
    private final Mfa mfa;

    AccountRecovery(Directory directory, AccountRepository accountRows, Accounts accounts, Mfa mfa) {
        this.directory = directory;
        this.accountRows = accountRows;
        this.accounts = accounts;
        this.mfa = mfa;
    }

    /**
     * Issues a one-time link for the person: a SETUP link when they have never set a password
     * (creating their account from their directory e-mail if needed), else a RESET link, whose use
     * ends all their sessions. Earlier unused links stop working.
     */
    @Transactional
    public IssuedResetLink issueLink(long tenantId, String userId, Actor caller) {
        DirectoryUser user = person(tenantId, userId, caller);
        if (!user.active()) {
            throw LantauException.conflict("identity.user_inactive",
                    "This person is suspended or has left; reactivate them first.");
        }
        boolean created = false;
        AccountRecord account = accountRows.findByUser(tenantId, userId).orElse(null);
        if (account == null) {
            accounts.createUserAccount(tenantId, userId, user.email());
            account = accountRows.findByUser(tenantId, userId).orElseThrow();
            created = true;
        }
        LoginLink.Purpose purpose = account.hasPassword() ? LoginLink.Purpose.RESET : LoginLink.Purpose.SETUP;
        return new IssuedResetLink(userId, purpose, accounts.issueLink(account.id(), purpose), created);
    }

    /** Removes the person's authenticator and ends their sessions; returns how many sessions ended. */
    @Transactional
    public int removeAuthenticator(long tenantId, String userId, Actor caller) {
        person(tenantId, userId, caller);
        AccountRecord account = accountRows.findByUser(tenantId, userId).orElseThrow(() ->
                LantauException.conflict("identity.mfa_not_enrolled", "This person has no authenticator."));
        return mfa.remove(tenantId, userId, account.id());
    }

    private DirectoryUser person(long tenantId, String userId, Actor caller) {
        DirectoryUser user = directory.findUser(tenantId, userId).orElseThrow(() ->
                LantauException.notFound("identity.user_not_found", "No such person in this organisation."));
        Set<Permission> theirs = EnumSet.noneOf(Permission.class);
        theirs.addAll(directory.effectivePermissions(tenantId, userId));
        theirs.removeAll(caller.permissions());
        if (!theirs.isEmpty() && !caller.can(Permission.ROLES_MANAGE)) {
            throw LantauException.forbidden("identity.target_more_privileged",
                    "This person holds permissions you do not have; ask someone who holds them all.");
        }
        return user;
    }
}
