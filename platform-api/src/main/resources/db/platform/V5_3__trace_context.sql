-- The propagation fields (W3C traceparent) of the span that wrote the row, so that the relay and the mail sender
-- continue the request's trace: one trace from the HTTP request through RabbitMQ to the SMTP send.
alter table outbox add column trace_context jsonb;
alter table mail_outbox add column trace_context jsonb;
