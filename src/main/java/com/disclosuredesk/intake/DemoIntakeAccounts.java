package com.disclosuredesk.intake;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Demo profile: the demo intake accounts speak for a German and a US authority. */
@Component
@Profile("demo")
public class DemoIntakeAccounts implements ApplicationRunner {

    private final IntakeAccountRepository accounts;

    public DemoIntakeAccounts(IntakeAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.find("police-de").isEmpty()) {
            accounts.bind(new IntakeAccountRepository.IntakeAccount("police-de", "DE", "Intake gateway of German authorities (demo)"));
        }
        if (accounts.find("court-us").isEmpty()) {
            accounts.bind(new IntakeAccountRepository.IntakeAccount("court-us", "US", "Intake gateway of US courts (demo)"));
        }
    }
}
