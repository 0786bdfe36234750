-- A checker who rejects a department's entry says why; the maker sees the reason and may enter the entry again
-- (entering it again clears the decision and its reason).
alter table appraisal_entry add column decision_reason varchar(200);

-- A published run may be replaced by a newer version of its period (republishing): the old run keeps its status
-- PUBLISHED for the record, gives up the period's published_key and names the run that replaced it.
alter table appraisal_run add column replaced_by bigint references appraisal_run (run_id);
alter table appraisal_run add column replaced_at timestamp with time zone;
