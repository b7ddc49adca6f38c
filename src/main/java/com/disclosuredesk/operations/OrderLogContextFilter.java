package com.disclosuredesk.operations;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.disclosuredesk.common.OrderLogContext;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests about one order ({@code /api/orders/LO-...} and below) log with its tracking number. A new order gets
 * its tracking number in {@code OrderIntakeService}.
 */
@Component
public class OrderLogContextFilter extends OncePerRequestFilter {

    private static final Pattern ORDER_PATH = Pattern.compile("^/api/orders/(LO-\\d{4}-\\d{6})(/.*)?$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher matcher = ORDER_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!matcher.matches()) {
            chain.doFilter(request, response);
            return;
        }
        try (OrderLogContext ignored = OrderLogContext.of(matcher.group(1))) {
            chain.doFilter(request, response);
        }
    }
}
