package io.protect.normalize.mapping.guardduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.ocsf.IpAddresses;
import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.EnrichmentView;
import io.protect.normalize.mapping.EventTimes;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.Networks;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.normalize.mapping.SourceFields;
import io.protect.normalize.mapping.cloudtrail.AwsParts;
import io.protect.ocsf.model.enums.DetectionFindingActivityId;
import io.protect.ocsf.model.enums.DetectionFindingStatusId;
import io.protect.ocsf.model.enums.DirectionId;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.enums.SeverityId;
import io.protect.ocsf.model.enums.UserTypeId;
import io.protect.ocsf.model.events.DetectionFinding;
import io.protect.ocsf.model.objects.Api;
import io.protect.ocsf.model.objects.AutonomousSystem;
import io.protect.ocsf.model.objects.DnsQuery;
import io.protect.ocsf.model.objects.Evidences;
import io.protect.ocsf.model.objects.FindingInfo;
import io.protect.ocsf.model.objects.Location;
import io.protect.ocsf.model.objects.Metadata;
import io.protect.ocsf.model.objects.NetworkConnectionInfo;
import io.protect.ocsf.model.objects.NetworkEndpoint;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.Product;
import io.protect.ocsf.model.objects.ResourceDetails;
import io.protect.ocsf.model.objects.Response;
import io.protect.ocsf.model.objects.Service;
import io.protect.ocsf.model.objects.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Maps an Amazon GuardDuty finding (GetFindings / EventBridge / S3 export JSON) to an OCSF 1.8.0
 * Detection Finding (class 2004, activity Create, type 200401) with the {@code cloud} profile.
 *
 * <p>Mapping (GuardDuty → OCSF):
 * <ul>
 *   <li>{@code id} → {@code finding_info.uid} (and {@code metadata.original_event_uid}), {@code arn}
 *       → {@code finding_info.uid_alt}, {@code title} → title and {@code message},
 *       {@code description} → desc, {@code type} → {@code types[0]} and {@code metadata.event_code},
 *       {@code createdAt}/{@code updatedAt} → created/modified time,
 *       {@code service.eventFirstSeen}/{@code eventLastSeen} → first/last seen time and
 *       {@code start_time}/{@code end_time}. {@code time} = updatedAt (the version of the finding
 *       this record is), else createdAt. Times are UTC (see {@link AwsParts}).</li>
 *   <li>{@code severity} (GuardDuty's 0.1–10 scale) → {@code severity_id}: below 4 → 2 Low, below
 *       7 → 3 Medium, below 9 → 4 High, 9 and above (GuardDuty's Critical band, attack sequences)
 *       → 5 Critical; absent or ≤ 0 → 0 Unknown. The number stays in {@code unmapped}: OCSF has
 *       no home for a vendor severity score.</li>
 *   <li>{@code confidence} (when present, 0–10 in older findings) → {@code confidence_score}
 *       ×10 (0–100).</li>
 *   <li>{@code service.count} → {@code count}; {@code service.archived} true → status Archived,
 *       else New; {@code service.detectorId} → {@code metadata.product.uid}.</li>
 *   <li>{@code resource}: accessKeyDetails → an {@code AccessKey} resource (uid accessKeyId,
 *       name userName, owner = the IAM principal: uid principalId, name userName, type userType);
 *       instanceDetails → an {@code Instance} resource (uid instanceId, zone availabilityZone, the
 *       rest in data); s3BucketDetails[] → {@code S3Bucket} resources (uid arn, name, the rest in
 *       data); containerDetails → a {@code Container} resource (uid id, name, data); any other
 *       {@code *Details} object → a resource of that type with the object in data;
 *       {@code resourceType} is consumed when a resource of that type was produced (or, with no
 *       details, becomes the one resource's type and name).</li>
 *   <li>{@code service.action}: awsApiCallAction → {@code evidences[0].api} (operation api,
 *       service serviceName, response error errorCode) with the caller's remoteIpDetails or
 *       domainDetails as {@code src_endpoint}; networkConnectionAction → src/dst endpoints by
 *       connectionDirection (INBOUND: remote → local; OUTBOUND: local → remote), remote/local port,
 *       protocol and direction in {@code connection_info}; portProbeAction → its first probe's
 *       remote address as src and local port as dst (the array stays in unmapped);
 *       dnsRequestAction → {@code query.hostname}; kubernetesApiCallAction and
 *       rdsLoginAttemptAction → the remote address as src. remoteIpDetails: ipAddressV4/V6 → ip,
 *       city.cityName/country.countryName/countryCode/geoLocation → location, organization
 *       asn/asnOrg → autonomous_system, isp → isp, org → isp_org.</li>
 *   <li>{@code accountId}, {@code region}, {@code partition} → {@code cloud} (provider AWS).</li>
 *   <li>Observables: remote IPs, the access key's user name, resource uids, intel indicators.</li>
 *   <li>Everything else (additionalInfo, evidence, resourceRole, instance network interfaces
 *       inside data, ...) stays in {@code unmapped}; {@code raw_data} is the whole finding.</li>
 * </ul>
 */
public final class GuardDutyFindingMapper implements AlertMapper {

    static final String PRODUCT = "GuardDuty";
    static final String VENDOR = "AWS";
    static final String CLOUD_PROFILE = "cloud";

    @Override
    public DetectionFinding map(AlertEnriched input, MappingContext context) {
        SourceFields f = new SourceFields(input.alert().object());
        EnrichmentView enrichment = new EnrichmentView(input.enrichment());

        // Times
        Optional<String> updatedText = text(f, "updatedAt");
        Optional<String> createdText = text(f, "createdAt");
        Long created = time(f, "createdAt");
        Long modified = time(f, "updatedAt");
        Long firstSeen = time(f, "service.eventFirstSeen");
        Long lastSeen = time(f, "service.eventLastSeen");
        long time = modified != null ? modified : created != null ? created : context.receivedAt().toEpochMilli();
        String originalTime = modified != null ? updatedText.orElse(null) : createdText.orElse(null);

        // Finding
        String id = f.takeText("id").orElse(null);
        String type = f.takeText("type").orElse(null);
        String title = f.takeText("title").orElse(type != null ? type : "GuardDuty finding");
        SeverityId severity = severity(f.peek("severity").filter(JsonNode::isNumber).map(n -> OptionalDouble.of(n.asDouble()))
                .orElse(f.peek("severity").filter(JsonNode::isTextual).flatMap(GuardDutyFindingMapper::number)
                        .map(OptionalDouble::of).orElse(OptionalDouble.empty())));
        Integer confidence = f.peek("confidence").filter(JsonNode::isNumber).map(n -> (int) Math.round(Math.min(10, Math.max(0, n.asDouble())) * 10))
                .orElse(null);
        if (confidence != null) {
            f.consume("confidence");
        }
        FindingInfo findingInfo = FindingInfo.builder()
                .uid(id != null ? id : context.eventId().toString())
                .uidAlt(f.takeText("arn").orElse(null))
                .title(title)
                .desc(f.takeText("description").orElse(null))
                .types(type == null ? null : List.of(type))
                .createdTime(created)
                .modifiedTime(modified)
                .firstSeenTime(firstSeen)
                .lastSeenTime(lastSeen)
                .build();
        Integer count = f.takeInt("service.count").orElse(null);
        Boolean archived = f.peek("service.archived").filter(JsonNode::isBoolean).map(JsonNode::booleanValue).orElse(null);
        if (archived != null) {
            f.consume("service.archived");
        }
        DetectionFindingStatusId status = Boolean.TRUE.equals(archived) ? DetectionFindingStatusId.ARCHIVED : DetectionFindingStatusId.NEW;

        // Resources, evidence, cloud
        List<ResourceDetails> resources = resources(f);
        Evidences evidence = evidence(f, enrichment);
        var cloud = AwsParts.cloud(f.takeText("accountId").orElse(null), f.takeText("region").orElse(null),
                f.takeText("partition").orElse(null));

        // Observables
        List<Observable> observables = new ArrayList<>();
        if (evidence != null) {
            for (NetworkEndpoint e : new NetworkEndpoint[] {evidence.srcEndpoint(), evidence.dstEndpoint()}) {
                if (e != null && e.ip() != null && observables.stream().noneMatch(o -> o.value().equals(e.ip()))) {
                    String name = e == evidence.srcEndpoint() ? "evidences.src_endpoint.ip" : "evidences.dst_endpoint.ip";
                    observables.add(OcsfParts.observable(name, ObservableTypeId.IP_ADDRESS, e.ip(), enrichment));
                }
            }
        }
        for (ResourceDetails r : resources) {
            if (r.uid() != null) {
                observables.add(OcsfParts.observable("resources.uid", ObservableTypeId.RESOURCE_UID, r.uid(), enrichment));
            }
            if (r.owner() != null && r.owner().name() != null) {
                observables.add(OcsfParts.observable("resources.owner.name", ObservableTypeId.USER_NAME, r.owner().name(), enrichment));
            }
        }
        observables.addAll(OcsfParts.intelObservables(enrichment, observables));

        Metadata metadata = Metadata.builder()
                .product(Product.builder().name(PRODUCT).vendorName(VENDOR).uid(f.takeText("service.detectorId").orElse(null)).build())
                .version(OcsfParts.OCSF_VERSION)
                .logName(PRODUCT)
                .logFormat("JSON")
                .logVersion(f.takeText("schemaVersion").orElse(null))
                .eventCode(type)
                .originalEventUid(id)
                .originalTime(originalTime)
                .uid(context.eventId().toString())
                .correlationUid(context.correlationId())
                .tenantUid(context.tenantId())
                .profiles(List.of(CLOUD_PROFILE))
                .build();

        String srcIp = evidence != null && evidence.srcEndpoint() != null ? evidence.srcEndpoint().ip() : null;
        String dstIp = evidence != null && evidence.dstEndpoint() != null ? evidence.dstEndpoint().ip() : null;
        DetectionFinding.Builder b = DetectionFinding.builder()
                .activityId(DetectionFindingActivityId.CREATE)
                .activityName(DetectionFindingActivityId.CREATE.caption())
                .className("Detection Finding")
                .categoryName("Findings")
                .typeName("Detection Finding: " + DetectionFindingActivityId.CREATE.caption())
                .time(time)
                .timezoneOffset(0)
                .startTime(firstSeen)
                .endTime(lastSeen)
                .count(count)
                .severityId(severity)
                .severity(severity.caption())
                .statusId(status)
                .status(status.caption())
                .isAlert(true)
                .confidenceScore(confidence)
                .message(title)
                .findingInfo(findingInfo)
                .resources(resources.isEmpty() ? null : resources)
                .evidences(evidence == null ? null : List.of(evidence))
                .cloud(cloud)
                .observables(observables.isEmpty() ? null : observables)
                .metadata(metadata)
                .rawData(OcsfParts.rawData(input.alert().object()));
        OptionalInt risk = enrichment.riskScore();
        if (risk.isPresent()) {
            var level = OcsfParts.riskLevel(risk.getAsInt());
            b.riskScore(risk.getAsInt()).riskLevelId(level).riskLevel(level.caption()).riskDetails(OcsfParts.riskDetails(enrichment));
        }
        var enrichments = OcsfParts.enrichments(enrichment, srcIp, dstIp, input.assetId());
        b.enrichments(enrichments.isEmpty() ? null : enrichments);
        b.unmapped(f.unmapped());
        return b.build();
    }

    /** GuardDuty severity → OCSF (documented on the class). */
    static SeverityId severity(OptionalDouble guardDuty) {
        if (guardDuty.isEmpty() || guardDuty.getAsDouble() <= 0) {
            return SeverityId.UNKNOWN;
        }
        double s = guardDuty.getAsDouble();
        if (s < 4) {
            return SeverityId.LOW;
        }
        if (s < 7) {
            return SeverityId.MEDIUM;
        }
        if (s < 9) {
            return SeverityId.HIGH;
        }
        return SeverityId.CRITICAL;
    }

    // ------------------------------------------------------------- resources

    static List<ResourceDetails> resources(SourceFields f) {
        List<ResourceDetails> out = new ArrayList<>();
        String resourceType = f.peek("resource.resourceType").filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
        accessKey(f).ifPresent(out::add);
        detailed(f, "resource.instanceDetails", "Instance", "instanceId", null, "availabilityZone").ifPresent(out::add);
        JsonNode buckets = f.peek("resource.s3BucketDetails").filter(JsonNode::isArray).orElse(null);
        if (buckets != null && buckets.size() > 0) {
            List<ResourceDetails> bucketResources = new ArrayList<>();
            for (JsonNode bucket : buckets) {
                ResourceDetails r = fromObject(bucket, "S3Bucket", "arn", "name", null);
                if (r == null) {
                    bucketResources = null;
                    break;
                }
                bucketResources.add(r);
            }
            if (bucketResources != null) {
                out.addAll(bucketResources);
                f.consume("resource.s3BucketDetails");
            }
        }
        detailed(f, "resource.containerDetails", "Container", "id", "name", null).ifPresent(out::add);
        // Every other *Details object: a resource of that type with the object as data.
        JsonNode resource = f.peek("resource").filter(JsonNode::isObject).orElse(null);
        if (resource != null) {
            List<String> names = new ArrayList<>();
            resource.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode v = resource.get(name);
                if (name.endsWith("Details") && v.isObject() && !v.isEmpty()) {
                    String t = Character.toUpperCase(name.charAt(0)) + name.substring(1, name.length() - "Details".length());
                    out.add(ResourceDetails.builder().type(t).name(t).data(v).build());
                    f.consume("resource." + name);
                }
            }
        }
        if (resourceType != null) {
            if (out.isEmpty()) {
                out.add(ResourceDetails.builder().type(resourceType).name(resourceType).build());
                f.consume("resource.resourceType");
            } else if (out.stream().anyMatch(r -> resourceType.equals(r.type()))) {
                f.consume("resource.resourceType");
            }
        }
        return out;
    }

    private static Optional<ResourceDetails> accessKey(SourceFields f) {
        String p = "resource.accessKeyDetails.";
        String keyId = f.takeText(p + "accessKeyId").orElse(null);
        String principal = f.takeText(p + "principalId").orElse(null);
        String userName = f.takeText(p + "userName").orElse(null);
        String userType = f.takeText(p + "userType").orElse(null);
        if (keyId == null && principal == null && userName == null) {
            return Optional.empty();
        }
        User owner = principal == null && userName == null ? null : User.builder()
                .uid(principal)
                .name(userName)
                .type(userType)
                .typeId(userType == null ? null : "Root".equals(userType) ? UserTypeId.ADMIN
                        : userType.startsWith("IAM") || "AssumedRole".equals(userType) || "FederatedUser".equals(userType)
                        ? UserTypeId.USER : UserTypeId.OTHER)
                .build();
        return Optional.of(ResourceDetails.builder()
                .type("AccessKey")
                .uid(keyId)
                .name(keyId == null ? userName : null)
                .owner(owner)
                .build());
    }

    /** A resource from a details object at a path: uid/name/zone fields, the rest as data; consumed. */
    private static Optional<ResourceDetails> detailed(SourceFields f, String path, String type, String uidField,
            String nameField, String zoneField) {
        JsonNode details = f.peek(path).filter(JsonNode::isObject).orElse(null);
        if (details == null || details.isEmpty()) {
            return Optional.empty();
        }
        ResourceDetails r = fromObject(details, type, uidField, nameField, zoneField);
        if (r == null) {
            return Optional.empty();
        }
        f.consume(path);
        return Optional.of(r);
    }

    /** A resource from an object; null when it has neither uid nor name. */
    private static ResourceDetails fromObject(JsonNode obj, String type, String uidField, String nameField, String zoneField) {
        if (!obj.isObject()) {
            return null;
        }
        ObjectNode rest = ((ObjectNode) obj).deepCopy();
        String uid = textOf(rest, uidField);
        String name = textOf(rest, nameField);
        String zone = textOf(rest, zoneField);
        if (uid == null && name == null) {
            return null;
        }
        for (String k : new String[] {uid != null ? uidField : null, name != null ? nameField : null, zone != null ? zoneField : null}) {
            if (k != null) {
                rest.remove(k);
            }
        }
        return ResourceDetails.builder().type(type).uid(uid).name(name).zone(zone).data(rest.isEmpty() ? null : rest).build();
    }

    // ------------------------------------------------------------- evidence

    static Evidences evidence(SourceFields f, EnrichmentView enrichment) {
        String a = "service.action.";
        Evidences.Builder e = Evidences.builder();
        boolean any = false;
        if (f.peek(a + "awsApiCallAction").filter(JsonNode::isObject).isPresent()) {
            String p = a + "awsApiCallAction.";
            String operation = f.takeText(p + "api").orElse(null);
            String service = f.takeText(p + "serviceName").orElse(null);
            String error = f.takeText(p + "errorCode").orElse(null);
            if (operation != null) {
                e.api(Api.builder()
                        .operation(operation)
                        .service(service == null ? null : Service.builder().name(service).build())
                        .response(error == null ? null : Response.builder().error(error).build())
                        .build());
                any = true;
            }
            NetworkEndpoint remote = remote(f, p + "remoteIpDetails", null, enrichment, true);
            String domain = f.takeText(p + "domainDetails.domain").orElse(null);
            if (remote != null || domain != null) {
                e.srcEndpoint(remote != null ? withDomain(remote, domain) : NetworkEndpoint.builder().domain(domain).build());
                any = true;
            }
        }
        if (f.peek(a + "networkConnectionAction").filter(JsonNode::isObject).isPresent()) {
            String p = a + "networkConnectionAction.";
            String direction = f.peek(p + "connectionDirection").map(JsonNode::asText).orElse("").toUpperCase(Locale.ROOT);
            boolean outbound = direction.equals("OUTBOUND");
            NetworkEndpoint remote = remote(f, p + "remoteIpDetails", p + "remotePortDetails.port", enrichment, !outbound);
            NetworkEndpoint local = local(f, p + "localIpDetails", p + "localPortDetails", enrichment, outbound);
            NetworkEndpoint src = outbound ? local : remote;
            NetworkEndpoint dst = outbound ? remote : local;
            e.srcEndpoint(src).dstEndpoint(dst);
            String protocol = f.takeText(p + "protocol").orElse(null);
            DirectionId dir = direction.equals("INBOUND") ? DirectionId.INBOUND : outbound ? DirectionId.OUTBOUND : null;
            if (dir != null) {
                f.consume(p + "connectionDirection");
            }
            if (protocol != null || dir != null) {
                String proto = protocol == null ? null : protocol.toLowerCase(Locale.ROOT);
                e.connectionInfo(NetworkConnectionInfo.builder()
                        .protocolName(proto)
                        .protocolNum(Networks.protocolNumber(proto))
                        .directionId(dir)
                        .direction(dir == null ? null : dir.caption())
                        .build());
            }
            any = any || src != null || dst != null || protocol != null || dir != null;
        }
        JsonNode probes = f.peek(a + "portProbeAction.portProbeDetails").filter(JsonNode::isArray).orElse(null);
        if (probes != null && probes.size() > 0) {
            // The first probe only, read without consuming: the whole array stays in unmapped.
            JsonNode first = probes.get(0);
            String ip = firstText(first.path("remoteIpDetails"), "ipAddressV4", "ipAddressV6");
            Integer port = first.path("localPortDetails").path("port").isInt() ? first.path("localPortDetails").path("port").asInt() : null;
            if (ip != null) {
                e.srcEndpoint(OcsfParts.endpoint(ip, null, enrichment.geoFor(ip, true)));
                any = true;
            }
            String localIp = firstText(first.path("localIpDetails"), "ipAddressV4", "ipAddressV6");
            String portName = textOf(first.path("localPortDetails"), "portName");
            if (port != null && (localIp != null || portName != null)) {
                // OCSF wants an address or a name on an endpoint: the probed service's name serves.
                e.dstEndpoint(NetworkEndpoint.builder().ip(localIp).port(port).svcName(portName).build());
                any = true;
            }
        }
        Optional<String> dnsDomain = f.takeText(a + "dnsRequestAction.domain");
        if (dnsDomain.isPresent()) {
            e.query(DnsQuery.builder().hostname(dnsDomain.get()).build());
            any = true;
        }
        for (String action : List.of("kubernetesApiCallAction", "rdsLoginAttemptAction")) {
            NetworkEndpoint remote = remote(f, a + action + ".remoteIpDetails", null, enrichment, true);
            if (remote != null) {
                e.srcEndpoint(remote);
                any = true;
            }
        }
        return any ? e.build() : null;
    }

    /** A GuardDuty remoteIpDetails object (and optional port path) as an endpoint, consumed; null when no address. */
    static NetworkEndpoint remote(SourceFields f, String path, String portPath, EnrichmentView enrichment, boolean source) {
        String ip = f.takeText(List.of(path + ".ipAddressV4", path + ".ipAddressV6")).orElse(null);
        if (ip == null) {
            return null;
        }
        Integer port = portPath == null ? null : f.takeInt(portPath).orElse(null);
        NetworkEndpoint fromEnrich = OcsfParts.endpoint(ip, port, enrichment.geoFor(ip, source));
        String city = f.takeText(path + ".city.cityName").orElse(null);
        String country = f.takeText(List.of(path + ".country.countryCode", path + ".country.countryName")).orElse(null);
        Location location = null;
        if (city != null || country != null) {
            Double lat = f.peek(path + ".geoLocation.lat").filter(JsonNode::isNumber).map(JsonNode::asDouble).orElse(null);
            Double lon = f.peek(path + ".geoLocation.lon").filter(JsonNode::isNumber).map(JsonNode::asDouble).orElse(null);
            if (lat != null && lon != null) {
                f.consume(path + ".geoLocation.lat");
                f.consume(path + ".geoLocation.lon");
            }
            location = Location.builder().city(city).country(country).lat(lon != null ? lat : null).long_(lat != null ? lon : null).build();
        }
        Integer asn = f.peek(path + ".organization.asn").flatMap(n -> n.isInt() ? Optional.of(n.asInt())
                : n.isTextual() && n.asText().matches("\\d{1,9}") ? Optional.of(Integer.parseInt(n.asText())) : Optional.empty())
                .orElse(null);
        if (asn != null) {
            f.consume(path + ".organization.asn");
        }
        String asOrg = f.takeText(path + ".organization.asnOrg").orElse(null);
        return NetworkEndpoint.builder()
                .ip(ip)
                .port(port)
                .location(location != null ? location : fromEnrich.location())
                .autonomousSystem(asn != null || asOrg != null ? AutonomousSystem.builder().number(asn).name(asOrg).build()
                        : fromEnrich.autonomousSystem())
                .isp(f.takeText(path + ".organization.isp").orElse(null))
                .ispOrg(f.takeText(path + ".organization.org").orElse(null))
                .build();
    }

    /**
     * The local side of a connection (localIpDetails + localPortDetails), consumed; the port needs an
     * address or a port name beside it (OCSF's endpoint needs one of them), else it stays unmapped.
     */
    static NetworkEndpoint local(SourceFields f, String ipPath, String portPath, EnrichmentView enrichment, boolean source) {
        Optional<String> ip = f.peek(ipPath + ".ipAddressV4").or(() -> f.peek(ipPath + ".ipAddressV6"))
                .filter(JsonNode::isTextual).map(JsonNode::asText);
        Optional<String> portName = f.peek(portPath + ".portName").filter(JsonNode::isTextual).map(JsonNode::asText);
        if (ip.isEmpty() && portName.isEmpty()) {
            return null;
        }
        String address = f.takeText(List.of(ipPath + ".ipAddressV4", ipPath + ".ipAddressV6")).orElse(null);
        Integer port = f.takeInt(portPath + ".port").orElse(null);
        NetworkEndpoint e = OcsfParts.endpoint(address, port, address == null ? Optional.empty() : enrichment.geoFor(address, source));
        if (address != null) {
            return e;
        }
        f.consume(portPath + ".portName");
        return NetworkEndpoint.builder().port(port).svcName(portName.get()).build();
    }

    private static NetworkEndpoint withDomain(NetworkEndpoint e, String domain) {
        return domain == null ? e : NetworkEndpoint.builder().ip(e.ip()).port(e.port()).location(e.location())
                .autonomousSystem(e.autonomousSystem()).isp(e.isp()).ispOrg(e.ispOrg()).domain(domain).build();
    }

    // ------------------------------------------------------------- helpers

    private static Optional<String> text(SourceFields f, String path) {
        return f.peek(path).filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    /** An AWS time at a path as epoch ms, consumed when readable. */
    private static Long time(SourceFields f, String path) {
        Optional<EventTimes.Parsed> parsed = text(f, path).flatMap(AwsParts::parseTime);
        parsed.ifPresent(p -> f.consume(path));
        return parsed.map(EventTimes.Parsed::epochMillis).orElse(null);
    }

    private static Optional<Double> number(JsonNode n) {
        try {
            return Optional.of(Double.parseDouble(n.asText().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String textOf(JsonNode obj, String field) {
        if (field == null) {
            return null;
        }
        JsonNode v = obj.get(field);
        return v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static String firstText(JsonNode obj, String... fields) {
        for (String field : fields) {
            String v = textOf(obj, field);
            if (v != null && IpAddresses.isIpAddress(v)) {
                return v;
            }
        }
        return null;
    }
}
