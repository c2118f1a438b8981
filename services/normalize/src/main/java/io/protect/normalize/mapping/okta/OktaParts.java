package io.protect.normalize.mapping.okta;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.ocsf.IpAddresses;
import io.protect.model.events.GeoLocation;
import io.protect.normalize.mapping.EnrichmentView;
import io.protect.normalize.mapping.EventTimes;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.normalize.mapping.SourceFields;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.enums.SeverityId;
import io.protect.ocsf.model.enums.StatusId;
import io.protect.ocsf.model.enums.UserTypeId;
import io.protect.ocsf.model.objects.AutonomousSystem;
import io.protect.ocsf.model.objects.Enrichment;
import io.protect.ocsf.model.objects.HttpRequest;
import io.protect.ocsf.model.objects.Location;
import io.protect.ocsf.model.objects.Metadata;
import io.protect.ocsf.model.objects.NetworkEndpoint;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.Product;
import io.protect.ocsf.model.objects.Session;
import io.protect.ocsf.model.objects.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The parts every Okta System Log mapper shares: time, severity, outcome, actor, client endpoint,
 * session, metadata and observables. Each reader consumes what it maps from {@link SourceFields}.
 *
 * <p>Documented choices:
 * <ul>
 *   <li>{@code published} → {@code time} and {@code metadata.original_time}; a zone-less time is
 *       UTC (see {@link #parseTime(String)}); an unreadable one (e.g. "redacted") falls back to the
 *       receipt time and stays in {@code unmapped}.</li>
 *   <li>{@code severity} → {@code severity_id}: DEBUG and INFO → 1 Informational, WARN → 3 Medium,
 *       ERROR → 4 High, anything else → 0 Unknown. The Okta word is kept in
 *       {@code metadata.log_level}.</li>
 *   <li>{@code outcome.result} → {@code status_id}: SUCCESS and ALLOW → Success; FAILURE, DENY
 *       and CHALLENGE → Failure; SKIPPED/UNKNOWN/other → Other (absent → Unknown). The word is kept in
 *       {@code status_code}, {@code outcome.reason} becomes {@code status_detail}.</li>
 *   <li>{@code actor} → {@code actor.user}: id → uid, alternateId → name (and email_addr when it is
 *       an address), displayName → display_name, type → type (User → User, SystemPrincipal →
 *       System, other → Other).</li>
 *   <li>{@code client.ipAddress} (or, when absent, the first {@code request.ipChain[].ip}) with
 *       {@code client.geographicalContext} → {@code src_endpoint} ip and location (enrich's geo
 *       answer only when Okta gives none); {@code securityContext} asNumber/asOrg/isp/domain → its
 *       autonomous system, isp and domain; {@code client.userAgent.rawUserAgent} →
 *       {@code http_request.user_agent}.</li>
 *   <li>{@code authenticationContext.externalSessionId} → {@code session.uid},
 *       {@code rootSessionId} → {@code session.uid_alt}.</li>
 *   <li>{@code metadata}: product "Okta Identity Cloud" by Okta, log_name {@code System Log},
 *       event_code = eventType, original_event_uid = uuid, log_version = version, original_time =
 *       published. {@code raw_data} is the whole event.</li>
 * </ul>
 */
final class OktaParts {

    static final String PRODUCT = "Okta Identity Cloud";
    static final String VENDOR = "Okta";
    static final String LOG_NAME = "System Log";

    private OktaParts() {
    }

    /** The event time and its offset, from {@code published}; receipt time when unreadable. */
    record Time(long epochMillis, Integer offsetMinutes, String original) {
    }

    static Time time(SourceFields f, MappingContext context) {
        Optional<String> text = f.peek("published").filter(JsonNode::isTextual).map(JsonNode::asText);
        Optional<EventTimes.Parsed> parsed = text.flatMap(OktaParts::parseTime);
        parsed.ifPresent(p -> f.consume("published"));
        return new Time(parsed.map(EventTimes.Parsed::epochMillis).orElse(context.receivedAt().toEpochMilli()),
                parsed.map(EventTimes.Parsed::offsetMinutes).orElse(null), text.orElse(null));
    }

    /**
     * Okta writes {@code published} in UTC with a {@code Z}; collectors that re-serialise it
     * (Panther) drop the zone ({@code 2020-11-25 21:27:03.49600}), so a zone-less time is UTC too.
     */
    static Optional<EventTimes.Parsed> parseTime(String text) {
        Optional<EventTimes.Parsed> iso = EventTimes.parseIso(text);
        if (iso.isPresent()) {
            return iso;
        }
        try {
            var local = java.time.LocalDateTime.parse(text.trim().replace(' ', 'T'));
            return Optional.of(new EventTimes.Parsed(local.toInstant(java.time.ZoneOffset.UTC), 0));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Okta's severity word (as documented on the class). */
    static SeverityId severity(String okta) {
        if (okta == null) {
            return SeverityId.UNKNOWN;
        }
        return switch (okta.toUpperCase(Locale.ROOT)) {
            case "DEBUG", "INFO" -> SeverityId.INFORMATIONAL;
            case "WARN" -> SeverityId.MEDIUM;
            case "ERROR" -> SeverityId.HIGH;
            default -> SeverityId.UNKNOWN;
        };
    }

    /** Okta's outcome.result (as documented on the class). */
    static StatusId status(String result) {
        if (result == null) {
            return StatusId.UNKNOWN;
        }
        return switch (result.toUpperCase(Locale.ROOT)) {
            case "SUCCESS", "ALLOW" -> StatusId.SUCCESS;
            case "FAILURE", "DENY", "CHALLENGE" -> StatusId.FAILURE;
            default -> StatusId.OTHER;
        };
    }

    /** The outcome: status id, the Okta word and the reason. */
    record Outcome(StatusId statusId, String code, String detail) {
    }

    static Outcome outcome(SourceFields f) {
        String result = f.takeText("outcome.result").orElse(null);
        return new Outcome(status(result), result, f.takeText("outcome.reason").orElse(null));
    }

    /** An Okta actor or target object (id, alternateId, displayName, type) as an OCSF user. */
    static User user(SourceFields f, String prefix) {
        String uid = f.takeText(prefix + ".id").orElse(null);
        String alternateId = f.takeText(prefix + ".alternateId").orElse(null);
        String displayName = f.takeText(prefix + ".displayName").orElse(null);
        String type = f.takeText(prefix + ".type").orElse(null);
        if (uid == null && alternateId == null && displayName == null) {
            return null;
        }
        UserTypeId typeId = userType(type);
        return User.builder()
                .uid(uid)
                .name(alternateId != null ? alternateId : displayName)
                .emailAddr(alternateId != null && alternateId.matches("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}") ? alternateId : null)
                .displayName(displayName)
                .typeId(type == null ? null : typeId)
                .type(type == null ? null : type)
                .build();
    }

    /** An element of {@code target[]} as a user, without consuming (targets stay whole in unmapped). */
    static User targetUser(JsonNode target) {
        String type = text(target, "type");
        return User.builder()
                .uid(text(target, "id"))
                .name(text(target, "alternateId") != null ? text(target, "alternateId") : text(target, "displayName"))
                .displayName(text(target, "displayName"))
                .typeId(type == null ? null : userType(type))
                .type(type)
                .build();
    }

    static UserTypeId userType(String type) {
        if (type == null) {
            return UserTypeId.UNKNOWN;
        }
        return switch (type) {
            case "User" -> UserTypeId.USER;
            case "SystemPrincipal" -> UserTypeId.SYSTEM;
            default -> UserTypeId.OTHER;
        };
    }

    /** The first target of a type, or null. */
    static JsonNode target(SourceFields f, String type) {
        JsonNode targets = f.peek("target").orElse(null);
        if (targets == null || !targets.isArray()) {
            return null;
        }
        for (JsonNode t : targets) {
            if (type.equals(text(t, "type"))) {
                return t;
            }
        }
        return null;
    }

    /** The client's address, geo and network owner as the source endpoint. */
    static NetworkEndpoint srcEndpoint(SourceFields f, EnrichmentView enrichment) {
        // Only a real address is mapped ("redacted" and the like stay in unmapped).
        String ip = f.peek("client.ipAddress").map(JsonNode::asText).filter(IpAddresses::isIpAddress).orElse(null);
        if (ip != null) {
            f.consume("client.ipAddress");
        } else {
            // Without a client address, the first hop of the request chain is the best source.
            JsonNode chain = f.peek("request.ipChain").orElse(null);
            if (chain != null && chain.isArray() && !chain.isEmpty()) {
                ip = text(chain.get(0), "ip");
                ip = ip != null && IpAddresses.isIpAddress(ip) ? ip : null;
            }
        }
        Optional<GeoLocation> geo = ip == null ? Optional.empty() : enrichment.geoFor(ip, true);
        NetworkEndpoint fromEnrichment = OcsfParts.endpoint(ip, null, geo);
        // Okta's own geo describes the client as Okta saw it; enrich's answer fills in when Okta gives none.
        Location location = location(f, "client.geographicalContext");
        if (location == null) {
            location = fromEnrichment.location();
        }
        Integer asNumber = f.takeInt("securityContext.asNumber").orElse(null);
        String asOrg = f.takeText("securityContext.asOrg").orElse(null);
        AutonomousSystem as = asNumber == null && asOrg == null ? fromEnrichment.autonomousSystem()
                : AutonomousSystem.builder().number(asNumber).name(asOrg).build();
        String isp = f.takeText("securityContext.isp").orElse(null);
        String domain = f.takeText("securityContext.domain").orElse(null);
        if (ip == null && location == null && as == null && isp == null && domain == null) {
            return null;
        }
        return NetworkEndpoint.builder().ip(ip).location(location).autonomousSystem(as).isp(isp).domain(domain).build();
    }

    /** An Okta geographicalContext (city, state, country, postalCode, geolocation) as a location, consumed. */
    static Location location(SourceFields f, String path) {
        Optional<String> city = f.peek(path + ".city").filter(JsonNode::isTextual).map(JsonNode::asText);
        Optional<String> country = f.peek(path + ".country").filter(JsonNode::isTextual).map(JsonNode::asText);
        Optional<String> region = f.peek(path + ".state").filter(JsonNode::isTextual).map(JsonNode::asText);
        Optional<String> postal = f.peek(path + ".postalCode").filter(n -> n.isTextual() || n.isNumber()).map(JsonNode::asText);
        if (city.isEmpty() && country.isEmpty() && region.isEmpty() && postal.isEmpty()) {
            return null; // OCSF needs one of them; coordinates alone stay unmapped
        }
        Double lat = f.peek(path + ".geolocation.lat").filter(JsonNode::isNumber).map(JsonNode::asDouble).orElse(null);
        Double lon = f.peek(path + ".geolocation.lon").filter(JsonNode::isNumber).map(JsonNode::asDouble).orElse(null);
        for (String k : List.of("city", "country", "state", "postalCode")) {
            f.takeText(path + "." + k);
        }
        if (lat != null && lon != null) {
            f.consume(path + ".geolocation.lat");
            f.consume(path + ".geolocation.lon");
        }
        return Location.builder()
                .city(city.orElse(null))
                .country(country.orElse(null))
                .region(region.orElse(null))
                .postalCode(postal.orElse(null))
                .lat(lat != null && lon != null ? lat : null)
                .long_(lat != null && lon != null ? lon : null)
                .build();
    }

    /** The client's user agent as an HTTP request, or null. */
    static HttpRequest httpRequest(SourceFields f) {
        return f.takeText("client.userAgent.rawUserAgent")
                .map(ua -> HttpRequest.builder().userAgent(ua).build())
                .orElse(null);
    }

    /** The Okta session of the event, or null. */
    static Session session(SourceFields f, Boolean mfa) {
        String uid = f.takeText("authenticationContext.externalSessionId").orElse(null);
        String root = f.takeText("authenticationContext.rootSessionId").orElse(null);
        if (uid == null && root == null) {
            return null;
        }
        return Session.builder().uid(uid != null ? uid : root).uidAlt(uid != null ? root : null).isMfa(mfa).build();
    }

    static Metadata metadata(SourceFields f, Time time, MappingContext context, String severityWord, List<String> profiles) {
        String eventType = f.takeText("eventType").orElse(null);
        return Metadata.builder()
                .product(Product.builder().name(PRODUCT).vendorName(VENDOR).build())
                .version(OcsfParts.OCSF_VERSION)
                .logName(LOG_NAME)
                .logFormat("JSON")
                .logLevel(severityWord)
                .logVersion(f.takeText("version").orElse(null))
                .eventCode(eventType)
                .originalEventUid(f.takeText("uuid").orElse(null))
                .originalTime(time.original())
                .uid(context.eventId().toString())
                .correlationUid(context.correlationId())
                .tenantUid(context.tenantId())
                .profiles(profiles == null || profiles.isEmpty() ? null : profiles)
                .build();
    }

    /** Observables: the source address, the actor's name and uid, and intel indicators. */
    static List<Observable> observables(NetworkEndpoint src, User actor, User user, EnrichmentView enrichment) {
        List<Observable> out = new ArrayList<>();
        if (src != null && src.ip() != null) {
            out.add(OcsfParts.observable("src_endpoint.ip", ObservableTypeId.IP_ADDRESS, src.ip(), enrichment));
        }
        if (actor != null && actor.name() != null) {
            out.add(OcsfParts.observable("actor.user.name", ObservableTypeId.USER_NAME, actor.name(), enrichment));
        }
        if (user != null && user.name() != null && (actor == null || !user.name().equals(actor.name()))) {
            out.add(OcsfParts.observable("user.name", ObservableTypeId.USER_NAME, user.name(), enrichment));
        }
        out.addAll(OcsfParts.intelObservables(enrichment, out));
        return out;
    }

    /** The OCSF enrichments for the event's source address and the alert's asset. */
    static List<Enrichment> enrichments(EnrichmentView enrichment, NetworkEndpoint src, String assetId) {
        return OcsfParts.enrichments(enrichment, src == null ? null : src.ip(), null, assetId);
    }

    static String text(JsonNode obj, String field) {
        JsonNode v = obj == null ? null : obj.get(field);
        return v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText() : null;
    }
}
