package io.rowflow.reliability;

import io.rowflow.annotation.Column;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;
import io.rowflow.annotation.Version;

/** An account for the load test: a balance moved by transfers, a counter bumped under optimistic locking. */
@Table(name = "load_account")
public record Account(@Id @GeneratedValue Long id, @Column(nullable = false) String owner, long balance, long bumps,
                     @Version Long version) {

    public Account withBalance(long newBalance) {
        return new Account(id, owner, newBalance, bumps, version);
    }

    public Account bumped() {
        return new Account(id, owner, balance, bumps + 1, version);
    }
}
