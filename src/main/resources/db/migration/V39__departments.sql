-- Head-office departments (总行部室) and who works in which. The provincial union's CORE_ORG and CORE_STAFF know no
-- departments, so they are the platform's own configuration, kept by the administrators: a department belongs to an
-- org (the head office) and names its head; a member of staff (a CORE_STAFF id) works in at most one department.
-- Portable SQL only: the same file runs on PostgreSQL and on H2 in PostgreSQL mode.
create table department (
    dept_id       varchar(12)  primary key,
    dept_name     varchar(60)  not null unique,
    org_id        varchar(12)  not null references org (org_id),
    head_staff_id varchar(12),
    status        char(1)      not null default 'A' check (status in ('A', 'C')),
    updated_by    varchar(40)  not null,
    updated_at    timestamp with time zone not null
);

create table department_member (
    staff_id   varchar(12)  primary key,
    dept_id    varchar(12)  not null references department (dept_id),
    updated_by varchar(40)  not null,
    updated_at timestamp with time zone not null
);
create index department_member_dept_idx on department_member (dept_id);
