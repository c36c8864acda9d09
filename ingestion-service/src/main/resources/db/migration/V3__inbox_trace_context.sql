-- W3C Trace Context (https://www.w3.org/TR/trace-context/) of the request that acknowledged each delivery (a webhook
-- call or an import), so that the round that processes it later continues the same trace: one trace from the
-- platform's call to the consent decision and the audit append. Null where the request ran outside any trace.
alter table inbox_delivery add column traceparent text;
alter table inbox_delivery add column tracestate text;
