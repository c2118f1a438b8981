package io.protect.normalize.mapping.windows;

import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.EnrichmentView;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.ocsf.model.enums.RiskLevelId;
import io.protect.ocsf.model.enums.SeverityId;
import io.protect.ocsf.model.enums.StatusId;
import io.protect.ocsf.model.objects.Device;
import io.protect.ocsf.model.objects.Enrichment;
import io.protect.ocsf.model.objects.Metadata;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What every Windows Security and Sysmon mapper reads first, once: event id, time, severity, audit outcome,
 * device, message and metadata, plus enrich's risk and enrichments. The per-class mappers copy
 * these onto their builders (the generated builders share no interface).
 *
 * @param event the event being read (its SourceFields hold what is still unmapped)
 * @param eventId the Windows event id
 * @param time the event time
 * @param severity the severity from the source's level (see {@link WinEvent#severity()})
 * @param status Success / Failure from the audit keyword, Unknown when the record has none
 * @param device the logging computer
 * @param metadata the metadata
 * @param enrichment enrich's answers
 */
public record WinCommon(WinEvent event, int eventId, WinEvent.Time time, SeverityId severity, StatusId status,
                              Device device, Metadata metadata, EnrichmentView enrichment) {

    static final String PRODUCT = "Microsoft Windows";
    static final String VENDOR = "Microsoft";

    /** Reads the common parts of a Security event. */
    public static WinCommon read(AlertEnriched input, MappingContext context, String product, List<String> profiles) {
        WinEvent e = new WinEvent(input.alert().object());
        int id = e.eventId();
        WinEvent.Time time = e.time(context);
        SeverityId severity = e.severity();
        Optional<Boolean> audit = e.auditSuccess();
        StatusId status = audit.map(ok -> ok ? StatusId.SUCCESS : StatusId.FAILURE).orElse(StatusId.UNKNOWN);
        Device device = e.device();
        Metadata metadata = e.metadata(context, product, VENDOR, id, time, profiles);
        return new WinCommon(e, id, time, severity, status, device, metadata,
                new EnrichmentView(input.enrichment()));
    }

    /** Reads the common parts of a Security event (product Microsoft Windows). */
    public static WinCommon read(AlertEnriched input, MappingContext context) {
        return read(input, context, PRODUCT, List.of());
    }

    /** The enrich risk score, if any. */
    public OptionalInt risk() {
        return enrichment.riskScore();
    }

    public RiskLevelId riskLevel() {
        return risk().isPresent() ? OcsfParts.riskLevel(risk().getAsInt()) : null;
    }

    public String riskDetails() {
        return risk().isPresent() ? OcsfParts.riskDetails(enrichment) : null;
    }

    /** The OCSF enrichments for the event's addresses and asset; null when none. */
    public List<Enrichment> enrichments(String srcIp, String dstIp, String assetId) {
        List<Enrichment> out = OcsfParts.enrichments(enrichment, srcIp, dstIp, assetId);
        return out.isEmpty() ? null : out;
    }

    public Integer riskScore() {
        return risk().isPresent() ? risk().getAsInt() : null;
    }

    public String riskLevelCaption() {
        return riskLevel() == null ? null : riskLevel().caption();
    }
}
