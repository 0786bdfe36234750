-- The approved FTP curves of the operational store (ftp_curve, ftp_curve_point), replaced before every build.
-- One row per curve date and term; term_days is the term in days of the 360-day year (O/N 1, 1M 30, 3M 90, 6M 180,
-- 1Y 360, 2Y 720, 3Y 1080, 5Y 1800).
create table if not exists ref.ftp_curve (
    curve_date date not null,
    term varchar not null,
    term_days integer not null,
    rate decimal(10, 6) not null
)
