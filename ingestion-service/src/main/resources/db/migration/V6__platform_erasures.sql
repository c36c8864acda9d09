-- Issue 21 point 2 (contract C2): erasures that come from a platform's own signal, not only Meta's data deletion
-- callback: X's user compliance results (a deleted, deactivated or suspended account) open one too. The channel is what
-- dsr-service maps to the platform's deadline (X Developer Agreement: 24 hours).
alter table deletion_request add column channel text not null default 'meta-data-deletion'
    check (channel in ('meta-data-deletion', 'x-compliance'));
