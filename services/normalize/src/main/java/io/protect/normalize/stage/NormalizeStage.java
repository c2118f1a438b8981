package io.protect.normalize.stage;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.catalog.Topic;
import io.protect.model.json.Json;
import io.protect.ocsf.model.OcsfRecord;
import io.protect.model.ocsf.OcsfValidator;
import io.protect.model.ocsf.ValidationResult;
import io.protect.model.events.AlertEnriched;
import io.protect.model.events.AlertNormalized;
import io.protect.model.wire.RawJson;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.cef.CefMappers;
import io.protect.normalize.mapping.cloudtrail.CloudTrailMappers;
import io.protect.normalize.mapping.guardduty.GuardDutyMappers;
import io.protect.normalize.mapping.leef.LeefMappers;
import io.protect.normalize.mapping.okta.OktaMappers;
import io.protect.normalize.mapping.suricataeve.SuricataEventMappers;
import io.protect.normalize.mapping.sysmon.SysmonMappers;
import io.protect.normalize.mapping.windows.WindowsMappers;
import io.protect.normalize.mapping.zeek.ZeekMappers;
import io.protect.normalize.mapping.GenericAlertMapper;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.normalize.mapping.SuricataAlertMapper;

/**
 * The normalize stage: chooses the mapper for an alert's source, maps it to OCSF, validates the
 * event against the OCSF 1.8.0 schema, and names the domain topic it belongs to. An invalid event
 * is returned with its violations, never published.
 */
public final class NormalizeStage {

    private final AlertMapper suricata = new SuricataAlertMapper();
    private final AlertMapper generic = new GenericAlertMapper();
    private final OcsfValidator validator = OcsfValidator.instance();
    private final boolean keepRawData;

    /** A stage that keeps {@code raw_data}. */
    public NormalizeStage() {
        this(true);
    }

    /** A stage that keeps or drops {@code raw_data} ({@code protect.normalize.raw-data}). */
    public NormalizeStage(boolean keepRawData) {
        this.keepRawData = keepRawData;
    }

    /** The outcome for one alert: the payload and its domain topic, or the validation failure. */
    public record Result(AlertNormalized normalized, Topic domainTopic, ValidationResult validation) {
        public boolean valid() {
            return validation.valid();
        }
    }

    /**
     * The mapper for an alert: chosen by the format ingest recorded, then by the source's own event
     * type (each source's {@code *Mappers.forEvent}); the generic format gets the generic mapping.
     */
    AlertMapper mapperFor(AlertEnriched alert) {
        JsonNode event = alert.alert().object();
        return switch (alert.sourceFormat()) {
            case SURICATA -> "alert".equals(event.path("event_type").asText()) ? suricata
                    : SuricataEventMappers.forEvent(event);
            case ZEEK -> ZeekMappers.forEvent(event);
            case WINDOWS -> WindowsMappers.forEvent(event);
            case SYSMON -> SysmonMappers.forEvent(event);
            case OKTA -> OktaMappers.forEvent(event);
            case CLOUDTRAIL -> CloudTrailMappers.forEvent(event);
            case GUARDDUTY -> GuardDutyMappers.forEvent(event);
            case CEF -> CefMappers.forEvent(event);
            case LEEF -> LeefMappers.forEvent(event);
            case GENERIC -> generic;
        };
    }

    /** Maps and validates one alert. */
    public Result normalize(AlertEnriched alert, MappingContext context) {
        Record event = mapperFor(alert).map(alert, context);
        // Generated records build their JSON directly; Jackson's reflection is the fallback.
        JsonNode ocsf = event instanceof OcsfRecord r ? r.toJson() : Json.MAPPER.valueToTree(event);
        if (!keepRawData && ocsf instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            object.remove("raw_data");
        }
        ValidationResult validation = validator.validate(ocsf);
        AlertNormalized out = new AlertNormalized(alert.sourceFormat(), alert.assetId(), alert.sourceIp(),
                OcsfParts.OCSF_VERSION, RawJson.of(ocsf));
        return new Result(out, DomainTopics.forClass(ocsf.path("class_uid").asInt()), validation);
    }
}
