package hk.lantau.attendance;

import java.time.LocalDate;
import java.util.List;

/**
 * Scheduled pushes of the payroll export to a provider's SFTP server, with a delivery log. All
 * need {@code attendance.manage}.
 */
public interface PayrollPushes {

    List<SftpDestination> list(long tenantId);

    SftpDestination get(long tenantId, long id);

    SftpDestination create(long tenantId, SftpDestinationDefinition definition);

    SftpDestination change(long tenantId, long id, SftpDestinationDefinition definition);

    void delete(long tenantId, long id);

    /**
     * Pushes the export of the period now, once, and records the attempt; the answer says whether
     * it was delivered. Without a period, the one the schedule would send next.
     */
    SftpDelivery pushNow(long tenantId, long id, LocalDate from, LocalDate to);

    /** The latest attempts, newest first. */
    List<SftpDelivery> deliveries(long tenantId, long id, int limit);
}
