package org.ruralbank.directconnect;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The ledger's guarantees, checked against the whole store after a sequence of operations. */
final class LedgerInvariants {

    private LedgerInvariants() {}

    static void check(JdbcClient db) {
        // debits equal credits, posted and pending
        assertThat(db.sql("select coalesce(sum(debits_posted), 0) - coalesce(sum(credits_posted), 0) from dc_account")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(db.sql("select coalesce(sum(debits_pending), 0) - coalesce(sum(credits_pending), 0) from dc_account")
                        .query(Long.class)
                        .single())
                .isZero();
        // no account that must not go negative did
        assertThat(db.sql("select count(*) from dc_account where no_overdraft and "
                                + "debits_posted + debits_pending > credits_posted")
                        .query(Long.class)
                        .single())
                .isZero();
        // each balance column is exactly what the transfers say
        assertThat(db.sql("""
                select count(*) from dc_account a where
                  a.debits_posted <> (select coalesce(sum(t.amount_fen), 0) from dc_transfer t
                                       where t.debit_account = a.account_no and t.kind in ('POSTED', 'POST'))
                  or a.credits_posted <> (select coalesce(sum(t.amount_fen), 0) from dc_transfer t
                                       where t.credit_account = a.account_no and t.kind in ('POSTED', 'POST'))
                  or a.debits_pending <> (select coalesce(sum(t.amount_fen), 0) from dc_transfer t
                                       where t.debit_account = a.account_no and t.kind = 'PENDING'
                                         and not exists (select 1 from dc_transfer r where r.pending_id = t.transfer_id))
                  or a.credits_pending <> (select coalesce(sum(t.amount_fen), 0) from dc_transfer t
                                       where t.credit_account = a.account_no and t.kind = 'PENDING'
                                         and not exists (select 1 from dc_transfer r where r.pending_id = t.transfer_id))
                """).query(Long.class).single()).isZero();
        // no limit usage above its enterprise's daily limit
        assertThat(db.sql("""
                select count(*) from dc_limit_usage u join dc_enterprise e on u.usage_key = 'E:' || e.enterprise_id
                 where u.used_fen > e.daily_limit_fen
                """).query(Long.class).single()).isZero();
    }
}
