package com.disclosuredesk.verification;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo profile: a few authorities in the registry of known authorities, among them the authority of the README's
 * example order. Registered once: a later start leaves them (and any re-verification by staff) as they are.
 * Domains are under the reserved {@code .example} top-level domain.
 */
@Component
@Profile("demo")
public class DemoKnownAuthorities implements ApplicationRunner {

    /** The verifier recorded for the demo entries: no person verified them. */
    static final String VERIFIED_BY = "demo-setup";

    record Seed(String country, String name, String contactDomain, String knownContact) {}

    static final List<Seed> SEEDS = List.of(
            new Seed("DE", "Staatsanwaltschaft Berlin", "sta.berlin.example",
                    "+49 30 9014-0 (switchboard), cybercrime desk"),
            new Seed("DE", "Polizei Berlin", "polizei.berlin.example",
                    "+49 30 4664-0 (switchboard), LKA 7 duty officer"),
            new Seed("US", "U.S. District Court for the Northern District of California", "cand.uscourts.example",
                    "+1 415 555-0100 (clerk's office), criminal duty clerk"));

    private final AuthorityRegistry registry;

    public DemoKnownAuthorities(AuthorityRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Seed seed : SEEDS) {
            if (registry.find(seed.country(), seed.name()).isEmpty()) {
                registry.register(seed.country(), seed.name(), seed.contactDomain(), seed.knownContact(), VERIFIED_BY);
            }
        }
    }
}
