create table shelf (
    id bigint primary key,
    label varchar(40)
);
