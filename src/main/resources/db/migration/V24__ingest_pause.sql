-- The switch that pauses the server's watcher (its automatic loading of the inbox): one row while it is paused,
-- none while it loads, naming who paused it and when. The data platform page and `ruralbank ingest pause|resume`
-- set it; the watcher reads it before each look at the inbox. A second pause conflicts on the primary key.
create table ingest_pause (
    switch_id  varchar(8)  primary key check (switch_id = 'WATCHER'),
    paused_by  varchar(60) not null,
    paused_at  timestamp with time zone not null
);
