-- Issue 21, point 2: an erasure that comes from a platform's signal (X's compliance events: 24 hours under the X
-- Developer Agreement) carries that platform's deadline besides the Art. 12(3) month. next_due_at is the nearer of
-- the two, what the operators' queue sorts by (least() ignores a null platform deadline).
alter table dsr_request add column platform_due_at timestamptz;
alter table dsr_request add column platform_near_notified_at timestamptz;
alter table dsr_request add column platform_missed_notified_at timestamptz;
alter table dsr_request add column next_due_at timestamptz generated always as (least(due_at, platform_due_at)) stored;
create index dsr_request_status_next_due on dsr_request (status, next_due_at);
create index dsr_request_open_platform_due on dsr_request (platform_due_at)
    where platform_due_at is not null and status in ('RECEIVED', 'VERIFIED', 'IN_PROGRESS');
