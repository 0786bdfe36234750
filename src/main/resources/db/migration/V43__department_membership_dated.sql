-- A member of staff's membership of a head-office department is effective-dated with its history: they join a
-- department from a date and leave it from a date (the day they leave is their first day outside it), and a run
-- reads the membership in force on its period's data date. One member of staff's memberships never overlap: every
-- change of them first locks their department_staff row and checks the spans in one transaction.
-- Portable SQL only: the same file runs on PostgreSQL and on H2 in PostgreSQL mode.

-- One row per member of staff ever placed in a department: the row their changes lock.
create table department_staff (
    staff_id varchar(12) primary key
);

-- A membership: the member of staff works in the department from valid_from to valid_to, both inclusive
-- (open end 9999-12-31).
create table department_membership (
    staff_id   varchar(12)  not null references department_staff (staff_id),
    valid_from date         not null,
    valid_to   date         not null,
    dept_id    varchar(12)  not null references department (dept_id),
    updated_by varchar(40)  not null,
    updated_at timestamp with time zone not null,
    primary key (staff_id, valid_from),
    check (valid_to >= valid_from)
);
create index department_membership_dept_idx on department_membership (dept_id, valid_from);

-- The undated memberships kept so far hold from the beginning (as a run read them) and stay open.
insert into department_staff (staff_id)
select staff_id from department_member;

insert into department_membership (staff_id, valid_from, valid_to, dept_id, updated_by, updated_at)
select staff_id, date '1900-01-01', date '9999-12-31', dept_id, updated_by, updated_at from department_member;

drop table department_member;
