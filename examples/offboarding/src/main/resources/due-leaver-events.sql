-- Pending events whose effective date has come (CURRENT_DATE is the database's, in its time zone), oldest first
SELECT event_id FROM leaver_events
WHERE status = 'PENDING' AND effective_date <= CURRENT_DATE
ORDER BY received_at
