package com.disclosuredesk.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the application's API ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}, both
 * public): {@code /api/**} only ({@code springdoc.paths-to-match}). springdoc builds it from the controllers and their
 * records; the operations, answers and examples are annotations on them ({@code @Operation}, {@code @ApiResponse},
 * {@code @ExampleObject}, {@link SignInProblems} for the operations that need sign-in). Here: the document's title and
 * description, the security scheme, and the one answer that annotations cannot state (see
 * {@link #bodyLimitAnswers(ApiProperties)}).
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Disclosure Desk API", version = "1", description = """
        REST interface of Disclosure Desk for authority systems and intake gateways: submit legal \
        orders for user data (IP addresses, phone numbers), follow their status and timeline; and the \
        public transparency endpoints.

        Intake endpoints need HTTP basic authentication as a member of `intake-systems`; an intake \
        system sees only the orders it submitted (others answer 404). Submitting the same authority \
        and reference again is safe: the same body answers 200 with the existing order, a different \
        body 409. Every error is `application/problem+json`; an `errors` list names each offending \
        field by its JSON path and never repeats the submitted value. Request bodies are limited to \
        1 MiB (413).

        The Camunda engine REST API (`/engine-rest`) is not part of this document."""))
@SecurityScheme(name = OpenApiConfiguration.BASIC_AUTH, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A user of the platform's identity service; intake systems are members of intake-systems.")
public class OpenApiConfiguration {

    /** Name of the security scheme: HTTP basic against the engine's users, as in {@code SecurityConfiguration}. */
    public static final String BASIC_AUTH = "basicAuth";

    public static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    public static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

    /**
     * {@code 413} on every operation that takes a body, with the configured limit ({@code disclosure-desk.api.max-body-bytes}):
     * an annotation holds constants only, and the limit is a setting.
     */
    @Bean
    OpenApiCustomizer bodyLimitAnswers(ApiProperties api) {
        String detail = RequestBodyLimitFilter.detail(api.maxBodyBytes());
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                if (operation.getRequestBody() == null || operation.getResponses() == null) {
                    return;
                }
                Map<String, Object> example = new java.util.LinkedHashMap<>();
                example.put("type", ProblemType.PAYLOAD_TOO_LARGE.uri().toString());
                example.put("title", ProblemType.PAYLOAD_TOO_LARGE.title());
                example.put("status", ProblemType.PAYLOAD_TOO_LARGE.status().value());
                example.put("detail", detail);
                example.put("instance", path);
                String description = "The body is larger than " + api.maxBodyBytes() + " bytes.";
                operation.getResponses().addApiResponse("413", new ApiResponse().description(description)
                        .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/Problem"))
                                .addExamples("payloadTooLarge", new Example().summary(description).value(example)))));
            }));
        };
    }
}
