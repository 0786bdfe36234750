-- description: 客户经理的管户（CRM）：某业务日期每位员工名下的客户。员工在客户本身或其存款账户、贷款、卡、电子银行签约、商户中任一对象上持有业绩份额（mart.credit_share，含数据默认、认领、交接与争议裁定），该客户即在其管户之中；份额全部归机构的客户不在本表。客户经理（本人客户范围）只看得到本表中自己名下的客户。
-- grain: 每个业务日期、每个客户、每位员工一行
-- materialized: partition
-- column: cust_id: 客户号
-- column: staff_id: 员工号
-- column: objects: 该员工持有份额的该客户对象个数（客户本身、账户、贷款、卡、签约、商户）
-- column: share_sum: 这些份额之和
-- column: org_id: 客户的开户机构
-- column: org_path: 该机构的路径（按机构范围过滤）
-- test: unique cust_id, staff_id
-- test: not_null org_path
with shares as (
    select s.object_kind, s.object_id, s.staff_id, s.share
      from mart.credit_share s
     where {{ valid_on_t(s) }} and s.staff_id is not null
),
owned as (
    select s.staff_id, s.share,
           case s.object_kind
               when 'CUSTOMER' then s.object_id
               when 'DEPOSIT' then a.cust_id
               when 'LOAN' then l.cust_id
               when 'CARD' then k.cust_id
               when 'EB_USER' then e.cust_id
               when 'MERCHANT' then m.cust_id
           end as cust_id
      from shares s
      left join dw.dim_deposit_account a on s.object_kind = 'DEPOSIT' and a.acct_no = s.object_id and {{ valid_on_t(a) }}
      left join dw.dim_loan l on s.object_kind = 'LOAN' and l.loan_no = s.object_id and {{ valid_on_t(l) }}
      left join dw.dim_card k on s.object_kind = 'CARD' and k.card_no = s.object_id and {{ valid_on_t(k) }}
      left join dw.dim_eb_user e on s.object_kind = 'EB_USER' and e.eb_user_id = s.object_id and {{ valid_on_t(e) }}
      left join dw.dim_merchant m on s.object_kind = 'MERCHANT' and m.merchant_id = s.object_id and {{ valid_on_t(m) }}
),
portfolio as (
    select cust_id, staff_id, count(*) as objects, sum(share) as share_sum
      from owned where cust_id is not null
     group by cust_id, staff_id
),
customers as (
    select cust_id, open_org_id from dw.dim_customer where {{ valid_on_t }}
),
orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on_t }}
),
final as (
    select {{ biz_date }} as biz_date, p.cust_id, p.staff_id, p.objects, cast(p.share_sum as decimal(12, 6)) as share_sum,
           c.open_org_id as org_id, o.org_path
      from portfolio p
      join customers c on c.cust_id = p.cust_id
      join orgs o on o.org_id = c.open_org_id
)
select * from final
