package com.disclosuredesk.transparency;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public: anyone can check that the transparency ledger's hash chain is intact. */
@RestController
@RequestMapping(path = "/api/transparency", produces = MediaType.APPLICATION_JSON_VALUE)
public class LedgerController {

    private final TransparencyLedger ledger;

    public LedgerController(TransparencyLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/ledger/verification")
    public TransparencyLedger.Verification verification() {
        return ledger.verify();
    }
}
