package com.disclosuredesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class NotReadyFilterTest {

    @Test
    void untilTheApplicationIsReadyTheApiAnswers503WithRetryAfterAndThenPassesRequestsOn() throws Exception {
        ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
        NotReadyFilter filter = new NotReadyFilter(availability);
        StaticApplicationContext context = new StaticApplicationContext();

        // the web server is up, the application runners are not done: readiness is not ACCEPTING_TRAFFIC yet
        MockHttpServletResponse starting = call(filter);
        assertThat(starting.getStatus()).isEqualTo(503);
        assertThat(starting.getHeader("Retry-After")).isEqualTo("5");
        assertThat(starting.getContentType()).startsWith("application/problem+json");
        assertThat(starting.getContentAsString()).contains("\"status\":503", "not-ready");

        availability.onApplicationEvent(new AvailabilityChangeEvent<>(context, ReadinessState.ACCEPTING_TRAFFIC));
        AtomicReference<Boolean> passed = new AtomicReference<>(false);
        MockHttpServletResponse ready = new MockHttpServletResponse();
        filter.doFilter(request(), ready, (req, res) -> passed.set(true));
        assertThat(passed.get()).as("the request reaches sign-in and the controller").isTrue();
        assertThat(ready.getStatus()).isEqualTo(200);

        // stopping: refused again
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(context, ReadinessState.REFUSING_TRAFFIC));
        assertThat(call(filter).getStatus()).isEqualTo(503);
    }

    private static MockHttpServletResponse call(NotReadyFilter filter) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request(), response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/orders");
        request.addHeader("Authorization", "Basic cG9saWNlLWRlOnBvbGljZS1kZQ==");
        return request;
    }
}
