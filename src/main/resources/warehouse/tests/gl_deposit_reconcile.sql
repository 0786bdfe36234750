-- description: 各机构存款分户账余额合计 = 财管系统总账存款科目（科目号 20 开头：2001 单位活期、2011 个人活期、2015 个人定期）贷方减借方余额
-- model: mart.org_daily
-- severity: error
with final as (
    select org_id, deposit_balance, gl_deposit_balance, deposit_balance - gl_deposit_balance as difference
      from mart.org_daily
     where biz_date = {{ biz_date }} and deposit_balance <> gl_deposit_balance
)
select * from final
