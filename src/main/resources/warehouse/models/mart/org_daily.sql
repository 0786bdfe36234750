-- description: 机构日终概览：存款余额与总账存款科目余额、贷款余额与不良、卡、商户、设备数；考核与报表的起点。
-- grain: 每个业务日期、机构一行
-- materialized: partition
-- column: org_path: 机构路径（按机构范围过滤）
-- column: deposit_balance: 存款余额（分户账合计，元）
-- column: gl_deposit_balance: 总账存款科目（20 开头：2001 单位活期、2011 个人活期、2015 个人定期）贷方减借方余额（元）
-- column: npl_balance: 不良贷款余额（五级分类 3、4、5，元）
-- test: unique org_id
-- test: not_null org_path
with orgs as (
    select org_id, org_name, org_level, org_path, status from dw.dim_org
     where {{ valid_on_t }}
),
deposits as (
    select org_id, sum(balance) as balance from mart.deposit_org_daily where biz_date = {{ biz_date }} group by org_id
),
gl as (
    select org_id, sum(cr_balance - dr_balance) as balance from ods.fin_gl_balance
     where biz_date = {{ biz_date }} and subject_code like '20%' group by org_id
),
loans as (
    select org_id, sum(balance) as balance,
           sum(case when class_5 in ('3', '4', '5') then balance else 0 end) as npl_balance
      from mart.loan_org_daily where biz_date = {{ biz_date }} group by org_id
),
cards as (
    select issue_org_id as org_id, sum(cards) as cards, sum(new_cards) as new_cards
      from mart.card_org_daily where biz_date = {{ biz_date }} and card_status <> 'C' group by issue_org_id
),
merchants as (
    select org_id, count(*) as merchants from mart.merchant_daily where biz_date = {{ biz_date }} and status = 'A'
     group by org_id
),
devices as (
    select org_id, count(*) as devices, sum(fee_income) as fee_income from mart.device_daily
     where biz_date = {{ biz_date }} and status = 'A' group by org_id
),
final as (
    select {{ biz_date }} as biz_date, o.org_id, o.org_name, o.org_level, o.org_path, o.status,
           cast(coalesce(d.balance, 0) as decimal(18, 2)) as deposit_balance,
           cast(coalesce(g.balance, 0) as decimal(18, 2)) as gl_deposit_balance,
           cast(coalesce(l.balance, 0) as decimal(18, 2)) as loan_balance,
           cast(coalesce(l.npl_balance, 0) as decimal(18, 2)) as npl_balance,
           coalesce(c.cards, 0) as cards, coalesce(c.new_cards, 0) as new_cards,
           coalesce(m.merchants, 0) as merchants, coalesce(v.devices, 0) as devices,
           cast(coalesce(v.fee_income, 0) as decimal(18, 2)) as device_fee_income
      from orgs o
      left join deposits d on d.org_id = o.org_id
      left join gl g on g.org_id = o.org_id
      left join loans l on l.org_id = o.org_id
      left join cards c on c.org_id = o.org_id
      left join merchants m on m.org_id = o.org_id
      left join devices v on v.org_id = o.org_id
)
select * from final
