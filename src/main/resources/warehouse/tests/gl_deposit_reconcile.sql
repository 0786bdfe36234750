-- description: 各机构存款分户账余额合计 = 财管系统总账存款科目（2011 吸收存款及其明细科目）贷方减借方余额
-- model: mart.org_daily
-- severity: error
with final as (
    select org_id, deposit_balance, gl_deposit_balance, deposit_balance - gl_deposit_balance as difference
      from mart.org_daily
     where biz_date = {{ biz_date }} and deposit_balance <> gl_deposit_balance
)
select * from final
