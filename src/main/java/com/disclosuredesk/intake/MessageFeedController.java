package com.disclosuredesk.intake;

import java.util.List;

import com.disclosuredesk.order.OrderOutbox;
import com.disclosuredesk.order.OutboxMessage;

import com.disclosuredesk.web.OpenApiConfiguration;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outbox of an intake system: every message about its orders, in order; poll with {@code after}. */
@RestController
@RequestMapping(path = "/api/messages", produces = MediaType.APPLICATION_JSON_VALUE)
@SecurityRequirement(name = OpenApiConfiguration.BASIC_AUTH)
public class MessageFeedController {

    private final OrderOutbox outbox;

    public MessageFeedController(OrderOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    public List<OutboxMessage> feed(@RequestParam(defaultValue = "0") long after,
                                    @RequestParam(defaultValue = "100") int limit, Authentication caller) {
        return outbox.forRecipient(caller.getName(), after, Math.max(1, Math.min(limit, 500)));
    }
}
