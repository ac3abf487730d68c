package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;
import java.util.List;

/** The callback and auditing suite on MariaDB. */
class MariaDbCallbackTest extends CallbackContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.mariadb(getClass());
    }

    @Override
    protected List<String> ddl() {
        return List.of("create table audit_post (id bigint auto_increment primary key, title varchar(200) not null, "
                        + "created_at datetime(6) not null, updated_at datetime(6) not null, "
                        + "created_by varchar(40), updated_by varchar(40))",
                "create table audit_remark (id bigint primary key, body varchar(200) not null, "
                        + "created_at datetime(6) not null, changed_at bigint not null, changed_by varchar(40), "
                        + "post_id bigint, foreign key (post_id) references audit_post (id))");
    }

    /** Multi-row inserts of 1,000 rows. */
    @Override
    protected int statementsToInsertTenThousandRemarks() {
        return 10;
    }
}
