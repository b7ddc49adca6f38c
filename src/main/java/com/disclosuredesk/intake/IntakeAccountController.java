package com.disclosuredesk.intake;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.camunda.bpm.engine.IdentityService;
import com.disclosuredesk.web.OpenApiConfiguration;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators bind each intake account to the country of the authority it submits for. */
@RestController
@RequestMapping(path = "/api/intake-accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@SecurityRequirement(name = OpenApiConfiguration.BASIC_AUTH)
public class IntakeAccountController {

    private final IntakeAccountRepository accounts;
    private final IdentityService identity;

    public IntakeAccountController(IntakeAccountRepository accounts, IdentityService identity) {
        this.accounts = accounts;
        this.identity = identity;
    }

    public record Binding(
            @NotNull @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code such as DE") String authorityCountry,
            @Size(max = 200) String description) {}

    @GetMapping
    public List<IntakeAccountRepository.IntakeAccount> list() {
        return accounts.all();
    }

    @PutMapping(path = "/{userId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public IntakeAccountRepository.IntakeAccount bind(@PathVariable String userId, @Valid @RequestBody Binding binding) {
        if (identity.createUserQuery().userId(userId).memberOfGroup("intake-systems").count() == 0) {
            throw new UnknownIntakeAccountException(userId);
        }
        var account = new IntakeAccountRepository.IntakeAccount(userId, binding.authorityCountry(), binding.description());
        accounts.bind(account);
        return account;
    }
}
