package com.disclosuredesk.disclosure;

import java.util.Base64;
import java.util.HexFormat;

import com.disclosuredesk.order.OrderRepository;

import com.disclosuredesk.web.SignInProblems;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The disclosure package, for the authority that submitted the order and no one else. */
@RestController
@Tag(name = "Orders")
public class DisclosureController {

    /** The header that carries the package's SHA-256 (hex). */
    public static final String SHA256_HEADER = "X-Content-SHA256";

    private final DisclosureDelivery delivery;
    private final OrderRepository orders;

    public DisclosureController(DisclosureDelivery delivery, OrderRepository orders) {
        this.delivery = delivery;
        this.orders = orders;
    }

    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "string", format = "byte")))
    @SignInProblems
    @GetMapping(path = "/api/orders/{trackingNumber}/disclosure", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<byte[]> download(@PathVariable String trackingNumber, Authentication caller) {
        String submittedBy = orders.submittedBy(trackingNumber).orElse(null);
        if (submittedBy == null || !submittedBy.equals(caller.getName())) {
            throw new DisclosureNotAvailableException(trackingNumber, null);
        }
        DisclosureDelivery.DeliveredPackage delivered = delivery.download(trackingNumber, caller.getName());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(SHA256_HEADER, delivered.sha256())
                .header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(delivered.sha256())))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(trackingNumber + "-disclosure.json").build().toString())
                .cacheControl(CacheControl.noStore())
                .body(delivered.content());
    }
}
