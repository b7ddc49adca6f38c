package com.disclosuredesk.verification;

import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.ProblemType;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.disclosuredesk.web.FieldProblem;
import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.tags.Tag;

import com.disclosuredesk.web.OpenApiConfiguration;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry of known authorities, for legal staff and administrators: list, read, and register (or
 * re-verify) an authority. The signed-in user is recorded as the verifier, with the time.
 */
@Tag(name = "Known authorities", description = "Legal staff and administrators: the registry of known authorities")
@RestController
@RequestMapping(path = "/api/authorities", produces = MediaType.APPLICATION_JSON_VALUE)
@SecurityRequirement(name = OpenApiConfiguration.BASIC_AUTH)
public class AuthorityController {

    static final Set<String> FIELDS = Set.of("country", "name", "contactDomain", "knownContact");

    private final AuthorityRegistry registry;

    public AuthorityController(AuthorityRegistry registry) {
        this.registry = registry;
    }

    /** What a registration carries; verifier and time come from the sign-in and the clock. */
    public record AuthorityRegistration(String country, String name, String contactDomain, String knownContact) {}

    @GetMapping
    public List<KnownAuthority> list() {
        return registry.list();
    }

    @GetMapping("/{id}")
    public KnownAuthority one(@PathVariable long id) {
        return registry.find(id).orElseThrow(() -> new AuthorityNotFoundException(id));
    }

    /** {@code 201} with {@code Location} for an authority new to the registry, {@code 200} for a re-verification. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<KnownAuthority> register(@RequestBody JsonNode body, Authentication caller) {
        AuthorityRegistration registration = read(body);
        AuthorityRegistry.Registration saved = registry.save(registration.country(), registration.name(),
                registration.contactDomain(), registration.knownContact(), caller.getName());
        if (saved.created()) {
            return ResponseEntity.created(URI.create("/api/authorities/" + saved.authority().id())).body(saved.authority());
        }
        return ResponseEntity.ok(saved.authority());
    }

    /**
     * Reads the body strictly: a JSON object of the four fields, each a string; unknown fields, other types and
     * invalid values are reported together, each field named.
     */
    static AuthorityRegistration read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new AuthorityInputException(List.of(new FieldProblem("(body)",
                    "must be a JSON object with country, name, contactDomain and knownContact")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add(new FieldProblem(name, "is not a field of an authority registration"));
            } else if (!body.get(name).isTextual() && !body.get(name).isNull()) {
                problems.add(new FieldProblem(name, "must be a JSON string"));
            }
        }
        AuthorityRegistration registration = new AuthorityRegistration(text(body, "country"), text(body, "name"),
                text(body, "contactDomain"), text(body, "knownContact"));
        for (FieldProblem problem : AuthorityRegistry.problems(registration.country(), registration.name(),
                registration.contactDomain(), registration.knownContact())) {
            if (problems.stream().noneMatch(p -> p.field().equals(problem.field()))) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(FieldProblem::field));
            throw new AuthorityInputException(problems);
        }
        return registration;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** No authority with this id in the registry. */
    public static class AuthorityNotFoundException extends ApiProblemException {
        AuthorityNotFoundException(long id) {
            super(ProblemType.AUTHORITY_NOT_FOUND, "No authority " + id + " in the registry of known authorities.");
        }
    }
}
