-- The monitor's index without the status: a payment's status changes once after its row is written (received, then
-- decided), and with no indexed column changing PostgreSQL can make that update in place (a HOT update) instead of
-- adding a new entry to every index of the table. The monitor still finds a date's instructions by this index and
-- filters their status among them.
drop index dc_instruction_monitor_idx;
create index dc_instruction_date_idx on dc_instruction (business_date);
