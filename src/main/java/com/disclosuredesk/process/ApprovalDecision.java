package com.disclosuredesk.process;

public enum ApprovalDecision { APPROVE, RETURN, REJECT }
