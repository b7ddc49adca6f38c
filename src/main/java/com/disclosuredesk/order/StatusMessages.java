package com.disclosuredesk.order;

/** What the authority is told when its order changes status. */
final class StatusMessages {

    private StatusMessages() {}

    static String of(String trackingNumber, OrderStatus status, String reason) {
        return switch (status) {
            case RECEIVED -> "Order " + trackingNumber + " was received.";
            case NEEDS_VERIFICATION -> "Order " + trackingNumber + " is being verified with the requesting authority.";
            case NEEDS_CLARIFICATION -> "Order " + trackingNumber + " needs clarification: " + reason
                    + " Answer with POST /api/orders/" + trackingNumber + "/clarification.";
            case IN_LEGAL_ANALYSIS -> "Order " + trackingNumber + " is in legal analysis.";
            case AWAITING_APPROVAL -> "The legal analysis of order " + trackingNumber + " is complete; it awaits approval.";
            case DISCLOSED -> "The disclosure for order " + trackingNumber + " is ready.";
            case REJECTED -> "Order " + trackingNumber + " was refused: " + reason;
            case PRESERVED -> "The data named in order " + trackingNumber + " is preserved (nothing was disclosed)."
                    + (reason == null ? "" : " " + reason);
            case PRESERVATION_ENDED -> "The preservation hold of order " + trackingNumber + " ended; the preserved data was deleted.";
            case WITHDRAWN -> "Order " + trackingNumber + " was withdrawn." + (reason == null ? "" : " " + reason);
        };
    }
}
