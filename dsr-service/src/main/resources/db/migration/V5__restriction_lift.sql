-- Art. 18(3): a restriction carried out (a RESTRICTION or OBJECTION request whose RESTRICT steps ran) can be lifted,
-- and "a data subject who has obtained restriction ... shall be informed by the controller before the restriction
-- is lifted". The lift is two steps: the announcement (mailed to the requester, with the reason, encrypted under the
-- request's key like every other free text) and then the lift itself, which sends an UNRESTRICT step to every
-- participant that restricted; lift_completed_at is set once every one of them has lifted it.
alter table dsr_request add column lift_reason_encrypted text;
alter table dsr_request add column lift_announced_at timestamptz;
alter table dsr_request add column lift_announced_by text;
alter table dsr_request add column lifted_at timestamptz;
alter table dsr_request add column lifted_by text;
alter table dsr_request add column lift_completed_at timestamptz;
alter table dsr_request add constraint dsr_request_lift_announced_first check (lifted_at is null or lift_announced_at is not null);

alter table dsr_task drop constraint dsr_task_step_check;
alter table dsr_task add constraint dsr_task_step_check check (step in ('RESOLVE', 'EXPORT', 'ERASE', 'RESTRICT', 'UNRESTRICT',
                                                                        'RECTIFY', 'HISTORY', 'PURPOSES', 'WITHDRAW_MARKETING'));
