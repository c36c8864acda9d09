-- Issue 20, Art. 21: an objection is recorded per purpose in consent-service (step OBJECT), instead of restricting
-- every participant as a whole.
alter table dsr_task drop constraint dsr_task_step_check;
alter table dsr_task add constraint dsr_task_step_check check (step in ('RESOLVE', 'EXPORT', 'ERASE', 'RESTRICT', 'UNRESTRICT',
                                                                        'RECTIFY', 'HISTORY', 'PURPOSES', 'WITHDRAW_MARKETING',
                                                                        'OBJECT'));
