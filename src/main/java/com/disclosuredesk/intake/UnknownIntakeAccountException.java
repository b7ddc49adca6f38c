package com.disclosuredesk.intake;

/** No user of the group intake-systems has this id. */
public class UnknownIntakeAccountException extends RuntimeException {
    public UnknownIntakeAccountException(String userId) {
        super("No intake account " + userId + " (a user of the group intake-systems).");
    }
}
