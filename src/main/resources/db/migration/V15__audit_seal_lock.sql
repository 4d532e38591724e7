-- One row that a node sealing closed complaints locks first, so that nodes extend the seal chain one after
-- the other instead of racing for the same next position.
create table audit_seal_lock (
  id bigint primary key
);
insert into audit_seal_lock (id) values (1);
