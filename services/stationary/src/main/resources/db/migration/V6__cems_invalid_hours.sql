-- Flagged (invalid) hours join runs of exceeding hours; value_ref is null exactly for them. With cems_exceeds this
-- lets escalation read only the hours that can belong to a run.
create index cems_invalid on cems_hourly (outlet_id, hour) where value_ref is null;
