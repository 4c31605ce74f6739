-- A campaign belongs to the agency that planned it: only that agency's officers of the paired units take part.
alter table campaign add column agency text not null default 'ecology';
alter table campaign alter column agency drop default;
