package com.disclosuredesk.notice;

import static com.disclosuredesk.common.SqlTimes.instant;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The decision in force of a case, as gateways and complainants may know it ({@code cr_decision} by
 * {@code cr_case.decision_id}): what was decided, on which ground, when. Never who decided: moderators' names stay
 * with staff.
 */
@Repository
public class CaseDecisions {

    /** A decision in force, without the moderator. */
    public record DecisionInForce(long id, String decision, String ground, String groundReference, Instant decidedAt) {}

    private final JdbcClient jdbc;

    public CaseDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DecisionInForce> find(Long decisionId) {
        if (decisionId == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, decision, ground, ground_reference, decided_at FROM cr_decision WHERE id = ?")
                .param(decisionId)
                .query((rs, i) -> new DecisionInForce(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs, 5)))
                .optional();
    }
}
