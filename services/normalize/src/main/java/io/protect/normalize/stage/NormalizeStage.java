package io.protect.normalize.stage;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.catalog.Topic;
import io.protect.model.json.Json;
import io.protect.model.ocsf.OcsfValidator;
import io.protect.model.ocsf.ValidationResult;
import io.protect.normalize.AlertEnriched;
import io.protect.normalize.AlertNormalized;
import io.protect.normalize.mapping.AlertMapper;
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

    /** The outcome for one alert: the payload and its domain topic, or the validation failure. */
    public record Result(AlertNormalized normalized, Topic domainTopic, ValidationResult validation) {
        public boolean valid() {
            return validation.valid();
        }
    }

    /** Suricata EVE alert records get the Suricata mapper; everything else the generic one. */
    AlertMapper mapperFor(AlertEnriched alert) {
        boolean eveAlert = "suricata".equals(alert.sourceFormat()) && "alert".equals(alert.alert().path("event_type").asText());
        return eveAlert ? suricata : generic;
    }

    /** Maps and validates one alert. */
    public Result normalize(AlertEnriched alert, MappingContext context) {
        Record event = mapperFor(alert).map(alert, context);
        JsonNode ocsf = Json.MAPPER.valueToTree(event);
        ValidationResult validation = validator.validate(ocsf);
        AlertNormalized out = new AlertNormalized(alert.sourceFormat(), alert.assetId(), alert.sourceIp(),
                OcsfParts.OCSF_VERSION, ocsf);
        return new Result(out, DomainTopics.forClass(ocsf.path("class_uid").asInt()), validation);
    }
}
