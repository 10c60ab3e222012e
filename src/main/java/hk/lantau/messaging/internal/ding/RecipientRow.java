package hk.lantau.messaging.internal.ding;

import hk.lantau.messaging.internal.sql.SqlTimes;
import java.time.Instant;
import org.springframework.jdbc.core.RowMapper;

/** One recipient's state as stored. */
record RecipientRow(String userId, Instant confirmedAt, int remindersSent, Instant lastRemindedAt,
                    Instant nextRemindAt) {

    static final RowMapper<RecipientRow> MAPPER = (rs, n) -> new RecipientRow(rs.getString(1),
            SqlTimes.instant(rs, 2), rs.getInt(3), SqlTimes.instant(rs, 4), SqlTimes.instant(rs, 5));
}
