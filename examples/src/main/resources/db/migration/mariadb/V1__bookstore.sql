-- The bookstore's tables on MariaDB, as the Shop* entities map them (checked at start-up: rowflow.schema.validate).
create table shop_author (
    id bigint auto_increment primary key,
    name varchar(100) not null,
    born integer
);

create table shop_book (
    id bigint auto_increment primary key,
    title varchar(200) not null,
    `year` integer not null,
    price decimal(10, 2),
    stock integer not null,
    author_id bigint,
    foreign key (author_id) references shop_author (id)
);

create table shop_order (
    id bigint auto_increment primary key,
    customer varchar(100) not null,
    total decimal(12, 2)
);

create table shop_order_line (
    id bigint auto_increment primary key,
    order_id bigint,
    book_id bigint,
    quantity integer not null,
    unit_price decimal(10, 2),
    foreign key (order_id) references shop_order (id),
    foreign key (book_id) references shop_book (id)
);
