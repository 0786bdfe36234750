-- Earning rules: e-banking activity as a kind of its own (EBANK_ACTIVE: successful e-banking transactions made), and
-- a rule's cap per customer for a day, a month or a year (it was a month only).
-- The kind's check is replaced by swapping the column: dropping a column drops its unnamed check on both stores,
-- where dropping the check by name would need the name each store gave it.
alter table pt_rule add column rule_kind varchar(12);
update pt_rule set rule_kind = kind;
alter table pt_rule drop column kind;
alter table pt_rule rename column rule_kind to kind;
alter table pt_rule alter column kind set not null;
alter table pt_rule add constraint pt_rule_kind
    check (kind in ('DEPOSIT_AVG', 'POS_SPEND', 'PAYROLL', 'LOAN_REPAY', 'EBANK_SIGN', 'EBANK_ACTIVE'));

alter table pt_rule rename column monthly_cap to cap;
alter table pt_rule add column cap_period varchar(5) default 'MONTH' not null;
alter table pt_rule add constraint pt_rule_cap_period check (cap_period in ('DAY', 'MONTH', 'YEAR'));

-- An earning's points before its rule's cap: when an earlier date of the cap's period is redelivered, the later
-- dates' earnings are computed again from it (null on rows written before: their points are taken instead).
alter table pt_accrual add column uncapped bigint check (uncapped >= 0);
