-- description: 业绩归属（按生效日期的历史）：某对象在某日归属于哪些员工、各占几成。默认来自数据：贷款归合同的客户经理（CRED_LOAN_CONTRACT.MANAGER_STAFF_ID），商户归商户的客户经理（ACQ_MERCHANT.MANAGER_STAFF_ID）；经支行行长批准的认领、交接与争议裁定（ref.credit_claim）在其生效区间内整体取代默认。认领份额合计不足 100% 时，余额归对象所属机构（staff_id 为空的一行）。未列入本表的对象（无认领的存款、客户、卡、电子银行签约）在该日全部归其所属机构：存款的开户机构、卡的发卡机构、签约的签约机构、客户的开户机构。同一对象同一日各行份额之和恰为 1。每次构建整体重算，批准在过去日期生效的认领无需重建即可反映。
-- grain: 每个对象、每个员工（或机构余额）、每段份额不变的区间一行
-- materialized: history
-- column: object_kind: CUSTOMER 客户 DEPOSIT 存款账户 LOAN 贷款借据 CARD 卡 EB_USER 电子银行签约 MERCHANT 商户
-- column: object_id: 客户号、账号、借据号、卡号、签约号或商户号
-- column: staff_id: 员工号；为空表示归机构 org_id
-- column: org_id: 对象所属机构（staff_id 为空时即受益机构）
-- column: org_path: 该机构当前的机构路径（按机构范围过滤）
-- column: share: 份额 DECIMAL(7,6)，0 到 1
-- column: source: DEFAULT 数据默认 CLAIM 认领 HANDOVER 交接 SETTLEMENT 争议裁定 ORG 机构余额
-- column: valid_from: 生效日
-- column: valid_to: 失效日（含），未失效为 9999-12-31
-- test: not_null share
with loan_versions as (
    select 'LOAN' as object_kind, loan_no as object_id, manager_staff_id as staff_id, org_id, valid_from, valid_to
      from dw.dim_loan
),
merchant_versions as (
    select 'MERCHANT' as object_kind, merchant_id as object_id, manager_staff_id as staff_id, org_id, valid_from,
           valid_to
      from dw.dim_merchant
),
versions as (
    select * from loan_versions
    union all
    select * from merchant_versions
),
islands as (
    select v.*,
           case when lag(coalesce(staff_id, '') || '|' || org_id) over (partition by object_kind, object_id order by valid_from)
                     = coalesce(staff_id, '') || '|' || org_id then 0 else 1 end as starts
      from versions v
),
numbered as (
    select i.*, sum(starts) over (partition by object_kind, object_id order by valid_from
                                  rows between unbounded preceding and current row) as island
      from islands i
),
defaults as (
    select object_kind, object_id, max(staff_id) as staff_id, max(org_id) as org_id, min(valid_from) as valid_from,
           max(valid_to) as valid_to
      from numbered
     group by object_kind, object_id, island
),
claims as (
    select object_kind, object_id, staff_id, share, valid_from, valid_to, source from ref.credit_claim
),
claimed_objects as (
    select distinct object_kind, object_id from claims
),
object_orgs as (
    select c.object_kind, c.object_id, coalesce(a.org_id, k.issue_org_id, e.sign_org_id, u.open_org_id, l.org_id,
           m.org_id) as org_id
      from claimed_objects c
      left join dw.dim_deposit_account a on c.object_kind = 'DEPOSIT' and a.acct_no = c.object_id and a.valid_to = {{ open_end }}
      left join dw.dim_card k on c.object_kind = 'CARD' and k.card_no = c.object_id and k.valid_to = {{ open_end }}
      left join dw.dim_eb_user e on c.object_kind = 'EB_USER' and e.eb_user_id = c.object_id and e.valid_to = {{ open_end }}
      left join dw.dim_customer u on c.object_kind = 'CUSTOMER' and u.cust_id = c.object_id and u.valid_to = {{ open_end }}
      left join dw.dim_loan l on c.object_kind = 'LOAN' and l.loan_no = c.object_id and l.valid_to = {{ open_end }}
      left join dw.dim_merchant m on c.object_kind = 'MERCHANT' and m.merchant_id = c.object_id and m.valid_to = {{ open_end }}
),
cuts as (
    select object_kind, object_id, valid_from as cut from claims
    union
    select object_kind, object_id, valid_to + 1 from claims where valid_to < {{ open_end }}
    union
    select d.object_kind, d.object_id, d.valid_from from defaults d
      join claimed_objects c on c.object_kind = d.object_kind and c.object_id = d.object_id
    union
    select d.object_kind, d.object_id, d.valid_to + 1 from defaults d
      join claimed_objects c on c.object_kind = d.object_kind and c.object_id = d.object_id
     where d.valid_to < {{ open_end }}
),
pieces as (
    select object_kind, object_id, cut as valid_from,
           coalesce(lead(cut) over (partition by object_kind, object_id order by cut) - 1, {{ open_end }}) as valid_to
      from cuts
),
claimed_pieces as (
    select p.object_kind, p.object_id, p.valid_from, p.valid_to, c.staff_id, c.share, c.source
      from pieces p
      join claims c on c.object_kind = p.object_kind and c.object_id = p.object_id
                   and c.valid_from <= p.valid_from and c.valid_to >= p.valid_to
),
remainders as (
    select object_kind, object_id, valid_from, valid_to, cast(null as varchar) as staff_id, 1 - sum(share) as share,
           'ORG' as source
      from claimed_pieces
     group by object_kind, object_id, valid_from, valid_to
    having sum(share) < 1
),
default_pieces as (
    select p.object_kind, p.object_id, p.valid_from, p.valid_to, d.staff_id, d.org_id, 1 as share,
           case when d.staff_id is null then 'ORG' else 'DEFAULT' end as source
      from pieces p
      join defaults d on d.object_kind = p.object_kind and d.object_id = p.object_id
                     and d.valid_from <= p.valid_from and d.valid_to >= p.valid_to
     where not exists (select 1 from claimed_pieces c where c.object_kind = p.object_kind
                          and c.object_id = p.object_id and c.valid_from = p.valid_from)
),
unclaimed as (
    select d.object_kind, d.object_id, d.valid_from, d.valid_to, d.staff_id, d.org_id, 1 as share,
           case when d.staff_id is null then 'ORG' else 'DEFAULT' end as source
      from defaults d
     where not exists (select 1 from claimed_objects c where c.object_kind = d.object_kind
                          and c.object_id = d.object_id)
),
shares as (
    select c.object_kind, c.object_id, c.valid_from, c.valid_to, c.staff_id, o.org_id, c.share, c.source
      from (select * from claimed_pieces union all select * from remainders) c
      left join object_orgs o on o.object_kind = c.object_kind and o.object_id = c.object_id
    union all
    select object_kind, object_id, valid_from, valid_to, staff_id, org_id, share, source from default_pieces
    union all
    select object_kind, object_id, valid_from, valid_to, staff_id, org_id, share, source from unclaimed
),
orgs as (
    select org_id, org_path from dw.dim_org where valid_to = {{ open_end }}
),
final as (
    select s.object_kind, s.object_id, s.staff_id, s.org_id, o.org_path, cast(s.share as decimal(7, 6)) as share,
           s.source, s.valid_from, s.valid_to
      from shares s
      left join orgs o on o.org_id = s.org_id
)
select * from final
