package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;
import java.util.List;

/**
 * The existing-schema suite on MariaDB, in its nearest native forms: an inline {@code ENUM} column
 * for the rating, a check constraint for the year domain, a sequence as a column default; MariaDB
 * has no array columns, so the array entity fails naming its column.
 */
class MariaDbExistingSchemaTest extends ExistingSchemaContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.mariadb(getClass());
    }

    @Override
    protected int sequenceStatements() {
        return 20;
    }

    @Override
    protected boolean hasArrayColumns() {
        return false;
    }

    @Override
    protected List<String> schema() {
        return List.of(
                "DROP TABLE IF EXISTS performance_review, film_actor, film, actor, language",
                "DROP SEQUENCE IF EXISTS actor_actor_id_seq",
                "CREATE SEQUENCE actor_actor_id_seq",
                """
                CREATE TABLE language (
                    language_id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
                    name varchar(20) NOT NULL,
                    last_update timestamp NOT NULL DEFAULT current_timestamp ON UPDATE current_timestamp)""",
                """
                CREATE TABLE actor (
                    actor_id int NOT NULL DEFAULT NEXTVAL(actor_actor_id_seq) PRIMARY KEY,
                    first_name varchar(45) NOT NULL,
                    last_name varchar(45) NOT NULL,
                    last_update timestamp NOT NULL DEFAULT current_timestamp ON UPDATE current_timestamp)""",
                """
                CREATE TABLE film (
                    film_id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
                    title varchar(128) NOT NULL,
                    description text,
                    release_year int CHECK (release_year BETWEEN 1901 AND 2155),
                    language_id int NOT NULL,
                    original_language_id int,
                    rental_rate decimal(4,2) NOT NULL DEFAULT 4.99,
                    rating enum('G', 'PG', 'PG-13', 'R', 'NC-17') DEFAULT 'G',
                    last_update timestamp NOT NULL DEFAULT current_timestamp ON UPDATE current_timestamp,
                    title_length int AS (char_length(title)) STORED,
                    CONSTRAINT fk_film_language FOREIGN KEY (language_id) REFERENCES language (language_id),
                    CONSTRAINT fk_film_original_language FOREIGN KEY (original_language_id)
                        REFERENCES language (language_id))""",
                """
                CREATE TABLE film_actor (
                    actor_id int NOT NULL,
                    film_id int NOT NULL,
                    role varchar(100) NOT NULL,
                    last_update timestamp NOT NULL DEFAULT current_timestamp ON UPDATE current_timestamp,
                    PRIMARY KEY (actor_id, film_id),
                    KEY idx_fk_film_id (film_id),
                    CONSTRAINT fk_film_actor_actor FOREIGN KEY (actor_id) REFERENCES actor (actor_id),
                    CONSTRAINT fk_film_actor_film FOREIGN KEY (film_id) REFERENCES film (film_id))""",
                """
                CREATE TABLE performance_review (
                    review_id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
                    actor_id int NOT NULL,
                    film_id int NOT NULL,
                    stars smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
                    CONSTRAINT fk_review_part FOREIGN KEY (actor_id, film_id)
                        REFERENCES film_actor (actor_id, film_id) ON DELETE CASCADE)""");
    }
}
