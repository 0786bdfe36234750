package org.ruralbank.crm;

import java.util.List;
import org.ruralbank.platform.Org;
import org.ruralbank.testing.TestBank;

/**
 * A hand-made bank for CRM, counted by eye, on two dates D1 (1 March 2025) and D2 (31 March 2025):
 *
 * <ul>
 * <li>branch A: 王伟 P1 and 王芳 P2 share an address in 东村 (a household); P1 is the legal representative of the
 * company 甲公司 C1; P1's account A1 falls from 100,000.00 to 50,000.00 on D2; P1's loan L1 (50,000.00, maturing 15
 * April) is guaranteed by P2 and P2's loan L2 by P1 (a mutual guarantee); P1 holds the magnetic card K1 and an SMS
 * sign-up; 赵_丽 P5 and 赵小丽 P6 for the literal search;</li>
 * <li>sub-branch A1: 李强 P3, paid a salary of 4,500.00 on D2 by C1 from its account A3; P3 guarantees the loan L4
 * of 张敏 P4;</li>
 * <li>transfers within the bank: P2 pays P3 500.00 twice on D1 and once on D2 (a frequent counterparty on D2, not
 * on D1), P1 pays P2 800.00 once on D2 (not frequent); P1 also pays another bank's account three times on D2 and
 * P3 pays P1 three times on D2, two of them reversed (neither counts);</li>
 * <li>branch B: 张敏 P4 with account A5 and card K2.</li>
 * </ul>
 */
final class CrmFixture {

    static final String D1 = "2025-03-01";
    static final String D2 = "2025-03-31";
    static final String P1_ID_NO = "360102199001011234";

    private CrmFixture() {}

    static void write(TestBank.Rows f, Org a, Org a1, Org b) {
        f.customer(D1, "P1", "P", "王伟", P1_ID_NO, "13800001111", "城关镇东村1组1号", "东村", null, a)
                .customer(D1, "P2", "P", "王芳", "360102199202022345", "13800002222", "城关镇东村1组1号", "东村", null, a)
                .customer(D1, "P3", "P", "李强", "360102198503033456", "13900003333", "城关镇西村2组5号", "西村", null, a1)
                .customer(D1, "P4", "P", "张敏", "360102197004044567", "13700004444", "乙镇南村3组7号", "南村", null, b)
                .customer(D1, "P5", "P", "赵_丽", "360102199505055678", "13600005555", "城关镇北村1号", "北村", null, a)
                .customer(D1, "P6", "P", "赵小丽", "360102199606066789", "13600006666", "城关镇北村2号", "北村", null, a)
                .customer(D1, "C1", "C", "甲公司", "91360100MA35ABCD1X", null, "城关镇工业路8号", null, "P1", a);
        for (String d : List.of(D1, D2)) {
            f.account(d, "A1", "P1", a, d.equals(D1) ? "100000.00" : "50000.00", "N")
                    .account(d, "A2", "P2", a, "3000.00", "N")
                    .account(d, "A3", "C1", a, "200000.00", "N")
                    .account(d, "A4", "P3", a1, "1000.00", "N")
                    .account(d, "A5", "P4", b, "8000.00", "N");
            f.row(
                    "core_card",
                    d,
                    "card_no, acct_no, cust_id, card_product, medium, issue_org_id, issue_date, card_status",
                    "6230000000000001",
                    "A1",
                    "P1",
                    "JN",
                    "M",
                    a.orgId(),
                    "2024-01-01",
                    "N");
            f.row(
                    "core_card",
                    d,
                    "card_no, acct_no, cust_id, card_product, medium, issue_org_id, issue_date, card_status",
                    "6230000000000002",
                    "A5",
                    "P4",
                    "JN",
                    "I",
                    b.orgId(),
                    "2024-01-01",
                    "N");
            f.row(
                    "eb_user",
                    d,
                    "eb_user_id, cust_id, eb_type, sign_org_id, sign_date, status, acct_no",
                    "S1",
                    "P1",
                    "SMS",
                    a.orgId(),
                    "2024-02-01",
                    "A",
                    "A1");
            f.loan(d, "L1", "P1", a, "50000.00", "2025-04-15", 0, "G")
                    .loan(d, "L2", "P2", a, "30000.00", "2026-06-01", 0, "G")
                    .loan(d, "L4", "P4", b, "20000.00", "2026-06-01", 0, "G");
            f.guarantee(d, "L1", "P2", "40000.00")
                    .guarantee(d, "L2", "P1", "30000.00")
                    .guarantee(d, "L4", "P3", "20000.00");
        }
        f.payroll(D2, "PAY1", "A3", a, "A4", "4500.00");
        f.transfer(D1, "T1", "A2", a, "A4", null, "500.00", false)
                .transfer(D1, "T2", "A2", a, "A4", null, "500.00", false)
                .transfer(D2, "T3", "A2", a, "A4", null, "500.00", false)
                .transfer(D2, "T4", "A1", a, "A2", null, "800.00", false)
                .transfer(D2, "T5", "A1", a, "6217000000000009", "105100000017", "100.00", false)
                .transfer(D2, "T6", "A1", a, "6217000000000009", "105100000017", "100.00", false)
                .transfer(D2, "T7", "A1", a, "6217000000000009", "105100000017", "100.00", false)
                .transfer(D2, "T8", "A4", a1, "A1", null, "50.00", false)
                .transfer(D2, "T9", "A4", a1, "A1", null, "50.00", true)
                .transfer(D2, "T10", "A4", a1, "A1", null, "50.00", true);
    }
}
