package io.protect.normalize.mapping.guardduty;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.normalize.mapping.AlertMapper;

/**
 * The mapper for an Amazon GuardDuty finding (sourceFormat {@code guardduty}): every finding is a
 * Detection Finding 2004 ({@link GuardDutyFindingMapper}), whatever its type.
 */
public final class GuardDutyMappers {

    private static final GuardDutyFindingMapper FINDING = new GuardDutyFindingMapper();

    private GuardDutyMappers() {
    }

    /** The mapper for a finding. */
    public static AlertMapper forEvent(JsonNode alert) {
        return FINDING;
    }
}
