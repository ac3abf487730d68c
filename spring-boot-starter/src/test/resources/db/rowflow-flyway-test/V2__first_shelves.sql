insert into shelf (id, label) values (1, 'poetry');
insert into shelf (id, label) values (2, 'travel');
