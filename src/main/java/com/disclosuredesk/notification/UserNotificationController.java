package com.disclosuredesk.notification;

import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.ProblemType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.disclosuredesk.web.FieldProblem;
import com.disclosuredesk.web.QueryNumbers;

import io.swagger.v3.oas.annotations.tags.Tag;

import com.disclosuredesk.web.OpenApiConfiguration;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For the platform's delivery system (administrators, {@code camunda-admin}): the user notifications to deliver,
 * newest first, and the confirmation that one was delivered.
 */
@Tag(name = "User notifications", description = "Administrators (the platform's delivery system): notifications of users whose data was disclosed")
@RestController
@RequestMapping(path = "/api/user-notifications", produces = MediaType.APPLICATION_JSON_VALUE)
@SecurityRequirement(name = OpenApiConfiguration.BASIC_AUTH)
public class UserNotificationController {

    static final int MAX_SIZE = 500;

    private final UserNotificationService notifications;

    public UserNotificationController(UserNotificationService notifications) {
        this.notifications = notifications;
    }

    /** {@code ?status=PENDING|DELIVERED} (all when absent), {@code page} from 0, {@code size} 1 to 500 (default 50). */
    @GetMapping
    public UserNotificationService.Page list(@RequestParam(required = false) String status,
                                             @RequestParam(required = false) String page,
                                             @RequestParam(required = false) String size) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<UserNotification.Status> wanted = Optional.empty();
        if (status != null) {
            try {
                wanted = Optional.of(UserNotification.Status.valueOf(status.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("status", "must be one of " + Arrays.toString(UserNotification.Status.values())));
            }
        }
        int pageNumber = (int) QueryNumbers.whole(page, 0, 0, Integer.MAX_VALUE, "page", "must be a whole number from 0", problems);
        int pageSize = (int) QueryNumbers.whole(size, 50, 1, MAX_SIZE, "size", "must be a whole number from 1 to " + MAX_SIZE, problems);
        if (!problems.isEmpty()) {
            throw new NotificationRequestException(problems);
        }
        return notifications.list(wanted, pageNumber, pageSize);
    }

    /** Marks the notification delivered; a repeated call answers the same notification, unchanged. */
    @PostMapping("/{id}/delivered")
    public UserNotification delivered(@PathVariable String id) {
        long notificationId;
        try {
            notificationId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotificationNotFoundException();
        }
        return notifications.markDelivered(notificationId).orElseThrow(NotificationNotFoundException::new);
    }

    /** Bad query parameters, each named. */
    static class NotificationRequestException extends ApiProblemException {
        private final transient List<FieldProblem> problems;

        NotificationRequestException(List<FieldProblem> problems) {
            super(ProblemType.INVALID_NOTIFICATION_REQUEST, fieldsDetail("Parameters with problems: ", problems), problems,
                    "Invalid parameters");
            this.problems = List.copyOf(problems);
        }

        List<FieldProblem> problems() {
            return problems;
        }
    }

    /** No notification with that id. */
    static class NotificationNotFoundException extends ApiProblemException {
        NotificationNotFoundException() {
            super(ProblemType.NOTIFICATION_NOT_FOUND, "There is no user notification with this id.");
        }
    }
}
