-- dc_message kept one row per pain.001 message until pain.001 jobs (V14) took its place: V14 copied every
-- answered row into dc_batch_job, and nothing has read or written dc_message since. A row claimed but never
-- answered was not copied; such a message, sent again, runs as a job, and what it had executed answers as stored.
drop table dc_message;
