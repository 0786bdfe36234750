package org.ruralbank.directconnect;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The quota ledger's guarantees, checked against the whole store. */
final class QuotaInvariants {

    private QuotaInvariants() {}

    static void check(JdbcClient db) {
        // each quota column is exactly the sum of its postings
        assertThat(db.sql("""
                select count(*) from dc_quota q where
                  q.granted_fen <> (select coalesce(sum(p.amount_fen), 0) from dc_quota_posting p where p.kind = 'GRANT'
                     and p.enterprise_id = q.enterprise_id and p.fiscal_year = q.fiscal_year
                     and p.budget_unit = q.budget_unit and p.economic_code = q.economic_code)
                  or q.paid_fen <> (select coalesce(sum(p.amount_fen), 0) from dc_quota_posting p where p.kind = 'PAY'
                     and p.enterprise_id = q.enterprise_id and p.fiscal_year = q.fiscal_year
                     and p.budget_unit = q.budget_unit and p.economic_code = q.economic_code)
                  or q.refunded_fen <> (select coalesce(sum(p.amount_fen), 0) from dc_quota_posting p
                     where p.kind = 'REFUND' and p.enterprise_id = q.enterprise_id and p.fiscal_year = q.fiscal_year
                     and p.budget_unit = q.budget_unit and p.economic_code = q.economic_code)
                """).query(Long.class).single()).isZero();
        // no quota overdrawn
        assertThat(db.sql("select count(*) from dc_quota where paid_fen - refunded_fen > granted_fen")
                        .query(Long.class)
                        .single())
                .isZero();
        // every payment posting belongs to a posted instruction with the same amount and transfer
        assertThat(db.sql("""
                select count(*) from dc_quota_posting p left join dc_instruction i on i.instruction_id = p.instruction_id
                 where p.kind = 'PAY' and (i.instruction_id is null or i.amount_fen <> p.amount_fen
                       or i.transfer_id <> p.transfer_id)
                """).query(Long.class).single()).isZero();
        // every refund posting returns a payment posting of its quota, and never more than it paid
        assertThat(db.sql("""
                select count(*) from dc_quota_posting p
                 where p.kind = 'PAY' and p.amount_fen < (select coalesce(sum(r.amount_fen), 0) from dc_quota_posting r
                       where r.kind = 'REFUND' and r.enterprise_id = p.enterprise_id and r.payment_id = p.ref_id)
                """).query(Long.class).single()).isZero();
    }
}
