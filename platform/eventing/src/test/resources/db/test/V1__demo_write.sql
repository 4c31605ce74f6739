create table demo_write (id text primary key, note text not null);
