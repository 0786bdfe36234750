-- description: online and mobile banking month by month over a year: users on the month's last data date, signed in the year up to it and active in the month; successful transfers by kind
-- grain: one row per month with a data date within the year
-- param: from_date: the first day of the year
-- param: to_date: the last day of the year
-- column: month: the month, 1 to 12
-- column: pnet_users: personal online-banking users on the month's last data date
-- column: pnet_ytd: personal users signed in the year up to that date
-- column: cnet_users: corporate online-banking users on that date
-- column: cnet_ytd: corporate users signed in the year up to that date
-- column: mob_users: mobile-banking users on that date
-- column: mob_ytd: mobile users signed in the year up to that date
-- column: pnet_active: personal users with a successful transaction in the month
-- column: cnet_active: corporate users with a successful transaction in the month
-- column: mob_active: mobile users with a successful transaction in the month
-- column: pnet_intr_count: successful personal intra-bank transfers in the month
-- column: pnet_intr_amount: their amount, yuan
-- column: pnet_inte_count: successful personal inter-bank transfers in the month
-- column: pnet_inte_amount: their amount, yuan
-- column: pnet_nxy_count: successful personal rural-credit network (农信银) transfers in the month
-- column: pnet_nxy_amount: their amount, yuan
-- column: cnet_intr_count: successful corporate intra-bank transfers in the month
-- column: cnet_intr_amount: their amount, yuan
-- column: cnet_inte_count: successful corporate inter-bank transfers in the month
-- column: cnet_inte_amount: their amount, yuan
-- column: cnet_nxy_count: successful corporate rural-credit network (农信银) transfers in the month
-- column: cnet_nxy_amount: their amount, yuan
-- column: mob_transfers: successful mobile-banking transactions in the month
-- column: mob_amount: their amount, yuan
with month_end as (
    select month(biz_date) as month, max(biz_date) as last_date
      from mart.ebank_org_daily
     where biz_date between :from_date and :to_date
     group by month(biz_date)
),
final as (
    select me.month,
           cast(sum(case when m.biz_date = me.last_date then m.pnet_users else 0 end) as bigint) as pnet_users,
           cast(sum(case when m.biz_date = me.last_date then m.pnet_new_ytd else 0 end) as bigint) as pnet_ytd,
           cast(sum(case when m.biz_date = me.last_date then m.cnet_users else 0 end) as bigint) as cnet_users,
           cast(sum(case when m.biz_date = me.last_date then m.cnet_new_ytd else 0 end) as bigint) as cnet_ytd,
           cast(sum(case when m.biz_date = me.last_date then m.mob_users else 0 end) as bigint) as mob_users,
           cast(sum(case when m.biz_date = me.last_date then m.mob_new_ytd else 0 end) as bigint) as mob_ytd,
           cast(sum(case when m.biz_date = me.last_date then m.pnet_active_mtd else 0 end) as bigint) as pnet_active,
           cast(sum(case when m.biz_date = me.last_date then m.cnet_active_mtd else 0 end) as bigint) as cnet_active,
           cast(sum(case when m.biz_date = me.last_date then m.mob_active_mtd else 0 end) as bigint) as mob_active,
           cast(sum(m.pnet_intr_count) as bigint) as pnet_intr_count,
           cast(sum(m.pnet_intr_amount) as decimal(18, 2)) as pnet_intr_amount,
           cast(sum(m.pnet_inte_count) as bigint) as pnet_inte_count,
           cast(sum(m.pnet_inte_amount) as decimal(18, 2)) as pnet_inte_amount,
           cast(sum(m.pnet_nxy_count) as bigint) as pnet_nxy_count,
           cast(sum(m.pnet_nxy_amount) as decimal(18, 2)) as pnet_nxy_amount,
           cast(sum(m.cnet_intr_count) as bigint) as cnet_intr_count,
           cast(sum(m.cnet_intr_amount) as decimal(18, 2)) as cnet_intr_amount,
           cast(sum(m.cnet_inte_count) as bigint) as cnet_inte_count,
           cast(sum(m.cnet_inte_amount) as decimal(18, 2)) as cnet_inte_amount,
           cast(sum(m.cnet_nxy_count) as bigint) as cnet_nxy_count,
           cast(sum(m.cnet_nxy_amount) as decimal(18, 2)) as cnet_nxy_amount,
           cast(sum(m.mob_count) as bigint) as mob_transfers,
           cast(sum(m.mob_amount) as decimal(18, 2)) as mob_amount
      from mart.ebank_org_daily m join month_end me on me.month = month(m.biz_date)
     where m.biz_date between :from_date and :to_date and {{ org_scope(m.org_path) }}
     group by me.month
)
select * from final order by month
