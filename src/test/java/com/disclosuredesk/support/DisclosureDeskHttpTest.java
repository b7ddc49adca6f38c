package com.disclosuredesk.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, as the HTTP tests use it: the demo setup (users, subscriber data) in an
 * in-memory database of its own ({@code demo} and {@code test} profiles), and the engine named {@code default}, as
 * in production, since the engine REST API and the web apps address it by that name.
 * <p>
 * Every class with this annotation and nothing else that changes the context (no other properties, profiles,
 * {@code @Import}, {@code @MockitoBean}, {@code @DirtiesContext}) shares one Spring context: Spring's test context
 * cache keys a context by its configuration, and another property set makes another context, with another engine
 * named {@code default} that the first context's engine REST API would then find. Keep it that way.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.generate-unique-process-engine-name=false", "camunda.bpm.process-engine-name=default"})
@ActiveProfiles({"demo", "test"})
public @interface DisclosureDeskHttpTest {
}
