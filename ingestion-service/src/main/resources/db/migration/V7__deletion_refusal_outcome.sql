-- Issue 21 point 6: the data deletion status page explains a refusal, from dsr-service's outcome code (never its text).
alter table deletion_request add column dsr_outcome text;
