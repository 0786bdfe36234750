-- The target-decomposition table (任务分解表): each branch's quarterly targets per indicator, as uploaded.
create table channel_target (
    target_year  integer       not null,
    quarter      smallint      not null check (quarter between 1 and 4),
    org_id       varchar(12)   not null references org (org_id),
    indicator    varchar(24)   not null,
    target_value numeric(18,2) not null check (target_value >= 0),
    uploaded_by  varchar(40)   not null,
    uploaded_at  timestamp with time zone not null,
    primary key (target_year, quarter, org_id, indicator)
);
