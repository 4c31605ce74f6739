-- The rule a counted finding event names (data.rule.id), so a task can count only the findings under its rules
-- (CEMS installed: the automatic-monitoring rules of boilers).
alter table task_completion add column rule_id text;
