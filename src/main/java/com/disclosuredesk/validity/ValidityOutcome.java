package com.disclosuredesk.validity;

public enum ValidityOutcome { VALID, INCOMPLETE, INVALID }
