-- description: 电子银行部的机构日汇总，年报与渠道页面的来源：卡、自助设备、便民宝、商户、电子银行签约的日终存量与年初至今新增，当日设备、POS、网银交易与代发代扣批次。口径见 docs/annual-report.md。
-- grain: 每个业务日期、机构一行（当日有任何渠道数据的机构）
-- materialized: partition
-- column: org_path: 机构路径（按机构范围过滤）
-- column: cards: 未注销的卡数（按发卡机构）
-- column: new_cards: 当日新发卡数（不含换卡）
-- column: new_cards_ytd: 年初至今新发卡数（不含换卡）
-- column: chip_cards: 未注销的芯片卡数
-- column: cancelled_cards: 已注销的卡数
-- column: dormant_cards: 未注销、所绑定账户为久悬（D）的卡数
-- column: card_balance: 未注销卡所绑定账户的余额合计（元；每个账户计一次，归其卡的最小发卡机构号）
-- column: devices: 自助设备数（不含便民宝）
-- column: new_devices_ytd: 年初至今新装自助设备数
-- column: device_txn: 自助设备当日交易笔数（含失败）
-- column: device_wdl: 自助设备当日成功取款笔数（与设备页同口径；失败的计入 device_failures）
-- column: device_dep: 自助设备当日成功存款笔数
-- column: device_trf: 自助设备当日成功转账笔数
-- column: device_failures: 自助设备当日失败交易笔数
-- column: device_fee: 自助设备当日手续费收入（元）
-- column: bmb_terminals: 便民宝终端数
-- column: bmb_success: 便民宝当日成功交易笔数（店主佣金每笔 0.5 元）
-- column: merchants: 商户数
-- column: merchants_before_year: 年初以前签约的商户数
-- column: pos_txn: 当日成功 POS 交易笔数
-- column: pos_amount: 当日成功 POS 交易金额（元）
-- column: pos_fee: 当日 POS 手续费收入（元）
-- column: pnet_users: 个人网银签约数（按签约机构）
-- column: sms_users: 短信通知签约数
-- column: pnet_active_mtd: 本月初至当日有成功交易的个人网银签约数（月末即当月活跃客户；需保留当月 ODS 交易）
-- column: cnet_active_mtd: 本月初至当日有成功交易的企业网银签约数
-- column: mob_active_mtd: 本月初至当日有成功交易的手机银行签约数
-- column: pnet_intr_count: 当日个人网银行内转账成功笔数（交易按签约机构）
-- column: pension_count: 当日养老金代发笔数（批次总笔数）
-- test: unique org_id
with orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on_t }}
),
card_rows as (
    select * from dw.dim_card where {{ valid_on_t }}
),
cards as (
    select issue_org_id as org_id,
           count(case when card_status <> 'C' then 1 end) as cards,
           count(case when issue_date = {{ biz_date }} and replaced_card_no is null then 1 end) as new_cards,
           count(case when issue_date >= {{ year_start }} and issue_date <= {{ biz_date }}
                       and replaced_card_no is null then 1 end) as new_cards_ytd,
           count(case when card_status <> 'C' and medium = 'I' then 1 end) as chip_cards,
           count(case when card_status = 'C' then 1 end) as cancelled_cards
      from card_rows group by issue_org_id
),
dormant as (
    select c.issue_org_id as org_id, count(*) as dormant_cards
      from card_rows c
      join dw.dim_deposit_account a on a.acct_no = c.acct_no and {{ valid_on_t(a) }}
     where c.card_status <> 'C' and a.acct_status = 'D'
     group by c.issue_org_id
),
card_accounts as (
    select acct_no, min(issue_org_id) as org_id from card_rows where card_status <> 'C' group by acct_no
),
card_balances as (
    select a.org_id, sum(b.balance) as card_balance
      from card_accounts a
      join dw.deposit_balance b on b.acct_no = a.acct_no and {{ valid_on_t(b) }}
     group by a.org_id
),
device_rows as (
    select * from dw.dim_device where {{ valid_on_t }}
),
devices as (
    select org_id,
           count(case when device_type <> 'BMB' then 1 end) as devices,
           count(case when device_type <> 'BMB' and install_date >= {{ year_start }}
                       and install_date <= {{ biz_date }} then 1 end) as new_devices_ytd,
           count(case when device_type = 'BMB' then 1 end) as bmb_terminals
      from device_rows group by org_id
),
device_txns as (
    select d.org_id,
           count(case when d.device_type <> 'BMB' then 1 end) as device_txn,
           count(case when d.device_type <> 'BMB' and t.txn_kind = 'WDL' and t.status = 'S' then 1 end) as device_wdl,
           count(case when d.device_type <> 'BMB' and t.txn_kind = 'DEP' and t.status = 'S' then 1 end) as device_dep,
           count(case when d.device_type <> 'BMB' and t.txn_kind = 'TRF' and t.status = 'S' then 1 end) as device_trf,
           count(case when d.device_type <> 'BMB' and t.status = 'F' then 1 end) as device_failures,
           sum(case when d.device_type <> 'BMB' then t.fee_income else 0 end) as device_fee,
           count(case when d.device_type = 'BMB' then 1 end) as bmb_txn,
           count(case when d.device_type = 'BMB' and t.status = 'S' then 1 end) as bmb_success
      from ods.eb_device_txn t join device_rows d on d.device_id = t.device_id
     where t.biz_date = {{ biz_date }}
     group by d.org_id
),
merchant_rows as (
    select * from dw.dim_merchant where {{ valid_on_t }}
),
merchants as (
    select org_id, count(*) as merchants,
           count(case when sign_date < {{ year_start }} then 1 end) as merchants_before_year,
           count(case when status = 'A' then 1 end) as merchants_active
      from merchant_rows group by org_id
),
pos as (
    select m.org_id, count(*) as pos_txn, sum(t.amount) as pos_amount, sum(t.mdr_fee) as pos_fee
      from ods.acq_pos_txn t join merchant_rows m on m.merchant_id = t.merchant_id
     where t.biz_date = {{ biz_date }} and t.status = 'S'
     group by m.org_id
),
user_rows as (
    select * from dw.dim_eb_user where {{ valid_on_t }}
),
users as (
    select sign_org_id as org_id,
           count(case when eb_type = 'PNET' then 1 end) as pnet_users,
           count(case when eb_type = 'PNET' and sign_date >= {{ year_start }} then 1 end) as pnet_new_ytd,
           count(case when eb_type = 'CNET' then 1 end) as cnet_users,
           count(case when eb_type = 'CNET' and sign_date >= {{ year_start }} then 1 end) as cnet_new_ytd,
           count(case when eb_type = 'MOB' then 1 end) as mob_users,
           count(case when eb_type = 'MOB' and sign_date >= {{ year_start }} then 1 end) as mob_new_ytd,
           count(case when eb_type = 'SMS' then 1 end) as sms_users,
           count(case when eb_type = 'SMS' and sign_date >= {{ year_start }} then 1 end) as sms_new_ytd
      from user_rows group by sign_org_id
),
eb as (
    select u.sign_org_id as org_id,
           count(case when t.eb_type = 'PNET' and t.txn_kind = 'INTR' then 1 end) as pnet_intr_count,
           sum(case when t.eb_type = 'PNET' and t.txn_kind = 'INTR' then t.amount else 0 end) as pnet_intr_amount,
           count(case when t.eb_type = 'PNET' and t.txn_kind = 'INTE' then 1 end) as pnet_inte_count,
           sum(case when t.eb_type = 'PNET' and t.txn_kind = 'INTE' then t.amount else 0 end) as pnet_inte_amount,
           count(case when t.eb_type = 'PNET' and t.txn_kind = 'NXY' then 1 end) as pnet_nxy_count,
           sum(case when t.eb_type = 'PNET' and t.txn_kind = 'NXY' then t.amount else 0 end) as pnet_nxy_amount,
           count(case when t.eb_type = 'CNET' and t.txn_kind = 'INTR' then 1 end) as cnet_intr_count,
           sum(case when t.eb_type = 'CNET' and t.txn_kind = 'INTR' then t.amount else 0 end) as cnet_intr_amount,
           count(case when t.eb_type = 'CNET' and t.txn_kind = 'INTE' then 1 end) as cnet_inte_count,
           sum(case when t.eb_type = 'CNET' and t.txn_kind = 'INTE' then t.amount else 0 end) as cnet_inte_amount,
           count(case when t.eb_type = 'CNET' and t.txn_kind = 'NXY' then 1 end) as cnet_nxy_count,
           sum(case when t.eb_type = 'CNET' and t.txn_kind = 'NXY' then t.amount else 0 end) as cnet_nxy_amount,
           count(case when t.eb_type = 'MOB' then 1 end) as mob_count,
           sum(case when t.eb_type = 'MOB' then t.amount else 0 end) as mob_amount
      from ods.eb_txn t join user_rows u on u.eb_user_id = t.eb_user_id
     where t.biz_date = {{ biz_date }} and t.status = 'S'
     group by u.sign_org_id
),
active as (
    select u.sign_org_id as org_id,
           count(distinct case when t.eb_type = 'PNET' then t.eb_user_id end) as pnet_active_mtd,
           count(distinct case when t.eb_type = 'CNET' then t.eb_user_id end) as cnet_active_mtd,
           count(distinct case when t.eb_type = 'MOB' then t.eb_user_id end) as mob_active_mtd
      from ods.eb_txn t join user_rows u on u.eb_user_id = t.eb_user_id
     where t.biz_date between {{ month_start }} and {{ biz_date }}
       and t.status = 'S'
     group by u.sign_org_id
),
agency as (
    select org_id,
           count(case when biz_type = 'PENSION' then 1 end) as pension_batches,
           sum(case when biz_type = 'PENSION' then total_count else 0 end) as pension_count,
           sum(case when biz_type = 'PENSION' then total_amt else 0 end) as pension_amount,
           count(case when biz_type = 'PDEDUCT' then 1 end) as deduction_batches,
           sum(case when biz_type = 'PDEDUCT' then total_count else 0 end) as deduction_count,
           sum(case when biz_type = 'PDEDUCT' then total_amt else 0 end) as deduction_amount,
           count(case when biz_type = 'SUBSIDY' then 1 end) as subsidy_batches,
           sum(case when biz_type = 'SUBSIDY' then total_count else 0 end) as subsidy_count,
           sum(case when biz_type = 'SUBSIDY' then total_amt else 0 end) as subsidy_amount
      from ods.mid_agency_batch where biz_date = {{ biz_date }}
     group by org_id
),
keys as (
    select org_id from cards union select org_id from card_balances union select org_id from devices
    union select org_id from device_txns union select org_id from merchants union select org_id from pos
    union select org_id from users union select org_id from eb union select org_id from agency
),
final as (
    select {{ biz_date }} as biz_date, k.org_id, o.org_path,
           coalesce(c.cards, 0) as cards, coalesce(c.new_cards, 0) as new_cards,
           coalesce(c.new_cards_ytd, 0) as new_cards_ytd, coalesce(c.chip_cards, 0) as chip_cards,
           coalesce(c.cancelled_cards, 0) as cancelled_cards, coalesce(dm.dormant_cards, 0) as dormant_cards,
           cast(coalesce(cb.card_balance, 0) as decimal(18, 2)) as card_balance,
           coalesce(d.devices, 0) as devices, coalesce(d.new_devices_ytd, 0) as new_devices_ytd,
           coalesce(dt.device_txn, 0) as device_txn, coalesce(dt.device_wdl, 0) as device_wdl,
           coalesce(dt.device_dep, 0) as device_dep, coalesce(dt.device_trf, 0) as device_trf,
           coalesce(dt.device_failures, 0) as device_failures,
           cast(coalesce(dt.device_fee, 0) as decimal(18, 2)) as device_fee,
           coalesce(d.bmb_terminals, 0) as bmb_terminals, coalesce(dt.bmb_txn, 0) as bmb_txn,
           coalesce(dt.bmb_success, 0) as bmb_success,
           coalesce(m.merchants, 0) as merchants, coalesce(m.merchants_before_year, 0) as merchants_before_year,
           coalesce(m.merchants_active, 0) as merchants_active,
           coalesce(p.pos_txn, 0) as pos_txn, cast(coalesce(p.pos_amount, 0) as decimal(18, 2)) as pos_amount,
           cast(coalesce(p.pos_fee, 0) as decimal(18, 2)) as pos_fee,
           coalesce(u.pnet_users, 0) as pnet_users, coalesce(u.pnet_new_ytd, 0) as pnet_new_ytd,
           coalesce(u.cnet_users, 0) as cnet_users, coalesce(u.cnet_new_ytd, 0) as cnet_new_ytd,
           coalesce(u.mob_users, 0) as mob_users, coalesce(u.mob_new_ytd, 0) as mob_new_ytd,
           coalesce(u.sms_users, 0) as sms_users, coalesce(u.sms_new_ytd, 0) as sms_new_ytd,
           coalesce(ac.pnet_active_mtd, 0) as pnet_active_mtd, coalesce(ac.cnet_active_mtd, 0) as cnet_active_mtd,
           coalesce(ac.mob_active_mtd, 0) as mob_active_mtd,
           coalesce(e.pnet_intr_count, 0) as pnet_intr_count,
           cast(coalesce(e.pnet_intr_amount, 0) as decimal(18, 2)) as pnet_intr_amount,
           coalesce(e.pnet_inte_count, 0) as pnet_inte_count,
           cast(coalesce(e.pnet_inte_amount, 0) as decimal(18, 2)) as pnet_inte_amount,
           coalesce(e.pnet_nxy_count, 0) as pnet_nxy_count,
           cast(coalesce(e.pnet_nxy_amount, 0) as decimal(18, 2)) as pnet_nxy_amount,
           coalesce(e.cnet_intr_count, 0) as cnet_intr_count,
           cast(coalesce(e.cnet_intr_amount, 0) as decimal(18, 2)) as cnet_intr_amount,
           coalesce(e.cnet_inte_count, 0) as cnet_inte_count,
           cast(coalesce(e.cnet_inte_amount, 0) as decimal(18, 2)) as cnet_inte_amount,
           coalesce(e.cnet_nxy_count, 0) as cnet_nxy_count,
           cast(coalesce(e.cnet_nxy_amount, 0) as decimal(18, 2)) as cnet_nxy_amount,
           coalesce(e.mob_count, 0) as mob_count, cast(coalesce(e.mob_amount, 0) as decimal(18, 2)) as mob_amount,
           coalesce(a.pension_batches, 0) as pension_batches, coalesce(a.pension_count, 0) as pension_count,
           cast(coalesce(a.pension_amount, 0) as decimal(18, 2)) as pension_amount,
           coalesce(a.deduction_batches, 0) as deduction_batches, coalesce(a.deduction_count, 0) as deduction_count,
           cast(coalesce(a.deduction_amount, 0) as decimal(18, 2)) as deduction_amount,
           coalesce(a.subsidy_batches, 0) as subsidy_batches, coalesce(a.subsidy_count, 0) as subsidy_count,
           cast(coalesce(a.subsidy_amount, 0) as decimal(18, 2)) as subsidy_amount
      from keys k
      left join orgs o on o.org_id = k.org_id
      left join cards c on c.org_id = k.org_id
      left join dormant dm on dm.org_id = k.org_id
      left join card_balances cb on cb.org_id = k.org_id
      left join devices d on d.org_id = k.org_id
      left join device_txns dt on dt.org_id = k.org_id
      left join merchants m on m.org_id = k.org_id
      left join pos p on p.org_id = k.org_id
      left join users u on u.org_id = k.org_id
      left join eb e on e.org_id = k.org_id
      left join active ac on ac.org_id = k.org_id
      left join agency a on a.org_id = k.org_id
)
select * from final
