package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;
import java.util.List;

/**
 * The generated-values suite on MariaDB: {@code AS (...) STORED} columns, triggers, sequences
 * (10.3+) and {@code INSERT ... RETURNING}; an update reads its generated columns back with a
 * {@code SELECT} by key, since MariaDB has no {@code UPDATE ... RETURNING}.
 */
class MariaDbGeneratedValuesTest extends GeneratedValuesContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.mariadb(getClass());
    }

    @Override
    protected List<String> ticketDdl() {
        return List.of("drop table if exists ticket", "drop sequence if exists ticket_seq",
                "create sequence ticket_seq start with 1000",
                "create table ticket (id bigint primary key, title varchar(200) not null, "
                        + "created_at datetime(6) not null default current_timestamp(6), "
                        + "status varchar(20) not null default 'open', "
                        + "title_length int as (char_length(title)) stored, owner varchar(40) default 'dba')");
    }

    @Override
    protected List<String> noteDdl() {
        return List.of("drop table if exists note",
                "create table note (id bigint auto_increment primary key, body varchar(200) not null, "
                        + "created_at datetime(6) not null default current_timestamp(6), edits int, updated_at datetime(6))",
                "create trigger note_inserted before insert on note for each row "
                        + "set new.edits = 1, new.updated_at = now(6)",
                "create trigger note_updated before update on note for each row "
                        + "set new.edits = old.edits + 1, new.updated_at = now(6)");
    }

    @Override
    protected List<String> boardDdl() {
        return List.of("create table board (id bigint primary key, name varchar(40) not null, "
                        + "created_at datetime(6) not null default current_timestamp(6))",
                "create table card (id uuid primary key, label varchar(40) not null, "
                        + "label_length int as (char_length(label)) stored, "
                        + "board_id bigint, foreign key (board_id) references board (id))");
    }

    @Override
    protected List<String> tokenDdl() {
        return List.of("drop table if exists token",
                "create table token (id uuid primary key, label varchar(40) not null)");
    }

    /** Per chunk of 1,000 rows: one block of sequence values, one multi-row insert with {@code RETURNING}. */
    @Override
    protected int statementsToInsertTenThousandTickets() {
        return 20;
    }

    /** The update, then a {@code SELECT} of the generated column by key on the same connection. */
    @Override
    protected int statementsToUpdateAndReadBack() {
        return 2;
    }
}
