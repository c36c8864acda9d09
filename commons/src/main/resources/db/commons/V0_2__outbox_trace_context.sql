-- W3C Trace Context (https://www.w3.org/TR/trace-context/) of the change that wrote each outbox message, so that the
-- relay's delivery, however much later, continues the same trace. Null where the change ran outside any trace.
alter table outbox_message add column traceparent text;
alter table outbox_message add column tracestate text;
