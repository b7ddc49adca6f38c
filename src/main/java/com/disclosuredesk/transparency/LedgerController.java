package com.disclosuredesk.transparency;

import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.ProblemType;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public: anyone can check that the transparency ledger's hash chain is intact, and that a head hash published
 * with an earlier report is still the hash of that entry (the chain was not rewritten since).
 */
@RestController
@RequestMapping(path = "/api/transparency", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Transparency", description = "Public: the transparency ledger")
public class LedgerController {

    private final TransparencyLedger ledger;

    public LedgerController(TransparencyLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/ledger/verification")
    public TransparencyLedger.Verification verification() {
        return ledger.verify();
    }

    /** The hashes of one entry (no content): its own and the one it links to. */
    @GetMapping("/ledger/entries/{seq}")
    public TransparencyLedger.Link link(@PathVariable long seq) {
        return ledger.link(seq).orElseThrow(() -> new NoSuchEntryException(seq));
    }

    public static class NoSuchEntryException extends ApiProblemException {
        public NoSuchEntryException(long seq) {
            super(ProblemType.LEDGER_ENTRY_NOT_FOUND, "The ledger has no entry " + seq + ".");
        }
    }
}
