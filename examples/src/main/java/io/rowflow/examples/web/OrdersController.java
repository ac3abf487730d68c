package io.rowflow.examples.web;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /orders} and {@code POST /transfers}: the writes that must succeed or fail whole. */
@RestController
public class OrdersController {

    private final OrderService orders;
    private final TransferService transfers;

    public OrdersController(OrderService orders, TransferService transfers) {
        this.orders = orders;
        this.transfers = transfers;
    }

    /** Places an order: 201 Created; 400, 404 or 409 problems leave nothing behind. */
    @PostMapping("/orders")
    public Mono<ResponseEntity<OrderView>> place(@RequestBody NewOrder order) {
        order.validate();
        return orders.place(order)
                .map(placed -> ResponseEntity.created(URI.create("/orders/" + placed.id())).body(placed));
    }

    /** Moves books between authors: 200 with the outcome; 400, 404 or 409 problems move nothing. */
    @PostMapping("/transfers")
    public Mono<TransferView> transfer(@RequestBody Transfer transfer) {
        transfer.validate();
        return transfers.transfer(transfer);
    }
}
