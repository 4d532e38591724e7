-- Photos and documents customers send with a complaint (issue 21), stored with it in the database, and the files
-- refused at intake (too large, not an image or PDF): a row without content that tells the agent what was not
-- kept and why. BYTEA is PostgreSQL's binary type and H2's alias of VARBINARY.
create sequence attachment_seq start with 1 increment by 50;

create table attachment (
  id              bigint primary key,
  complaint_id    bigint not null references complaint (id),
  tracking_number varchar(20) not null,
  file_name       varchar(200) not null,
  media_type      varchar(64),
  size_bytes      bigint not null,
  sha256          varchar(64),
  content         bytea,
  refusal         varchar(500),
  source          varchar(16) not null,
  received_at     timestamp(6) with time zone not null
);

create index attachment_complaint on attachment (complaint_id);
