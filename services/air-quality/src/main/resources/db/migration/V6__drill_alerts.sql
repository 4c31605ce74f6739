-- An alert of an exercise (a forecast sent as a drill): the services react to it as to a real one, and everything
-- public marks it, so that a county's history never shows a drill as a real episode.
alter table alert add column drill boolean not null default false;
