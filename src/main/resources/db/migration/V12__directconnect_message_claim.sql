-- A pain.001 message's id is claimed (its row inserted with the message's digest) before any of its payments
-- executes, and its pain.002 stored once they have: between the two the row has no response yet. A retry of the
-- same message finds it unanswered and completes it; a different message with the id is refused (DU01).
alter table dc_message alter column response drop not null;
