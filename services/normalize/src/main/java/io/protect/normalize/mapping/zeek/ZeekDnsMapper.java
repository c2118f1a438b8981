package io.protect.normalize.mapping.zeek;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.json.Json;
import io.protect.model.ocsf.IpAddresses;
import io.protect.ocsf.model.enums.DnsActivityActivityId;
import io.protect.ocsf.model.enums.DnsActivityRcodeId;
import io.protect.ocsf.model.enums.DnsAnswerFlagIds;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.enums.StatusId;
import io.protect.ocsf.model.events.DnsActivity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Zeek {@code dns.log} → DNS Activity (4003).
 *
 * <ul>
 *   <li>Activity Response when Zeek saw a reply ({@code rcode} or {@code answers}), else Query.
 *       Status Success for rcode 0, Failure for any other rcode.</li>
 *   <li>{@code query}/{@code qclass_name}/{@code qtype_name}/{@code trans_id} → {@code query}
 *       (hostname, class, type, packet_uid); {@code rcode} → {@code rcode_id} (the DNS RCODE
 *       registry OCSF enumerates; unknown codes 99 Other), {@code rcode_name} → {@code rcode}.</li>
 *   <li>{@code answers} with {@code TTLs} (parallel vectors) → {@code answers[]} (rdata, ttl
 *       rounded to whole seconds, packet_uid); the header flags {@code AA}/{@code TC}/{@code RD}/
 *       {@code RA} → each answer's {@code flag_ids} (kept in unmapped when there is no answer to
 *       carry them).</li>
 *   <li>{@code rtt} → {@code response_time} = time + rtt. The numeric {@code qclass}/{@code qtype},
 *       {@code Z}, {@code rejected} stay in unmapped.</li>
 * </ul>
 */
final class ZeekDnsMapper extends ZeekMapper {

    ZeekDnsMapper() {
        super("dns", DnsActivity.class, 4003, 4, "DNS Activity", NETWORK);
    }

    @Override
    void fill(ZeekEvent e) {
        e.endpoints();
        e.connectionInfo(e.ev);
        e.put("app_protocol_name", "dns");
        Integer transId = e.f.peekInt("trans_id").orElse(null);
        if (e.f.has("query")) {
            String q = e.f.takeText("query").orElse(null);
            if (q != null) {
                ObjectNode query = e.obj("query");
                query.put("hostname", q);
                e.f.takeText("qclass_name").ifPresent(c -> query.put("class", c));
                e.f.takeText("qtype_name").ifPresent(t -> query.put("type", t));
                if (transId != null) {
                    query.put("packet_uid", transId);
                    e.f.consume("trans_id");
                }
                e.observable("query.hostname", ObservableTypeId.HOSTNAME, q);
            }
        }
        e.f.takeDecimal("rtt").ifPresent(rtt -> e.put("response_time", e.time + ZeekEvent.millis(rtt)));
        answers(e, transId);
        Integer rcode = e.f.takeInt("rcode").orElse(null);
        if (rcode != null) {
            DnsActivityRcodeId id = rcodeId(rcode);
            e.put("rcode_id", id.value());
            e.put("rcode", e.f.takeText("rcode_name").orElse(id.caption()));
            e.status(rcode == 0 ? StatusId.SUCCESS : StatusId.FAILURE);
        }
        boolean response = rcode != null || e.ev.has("answers");
        DnsActivityActivityId a = response ? DnsActivityActivityId.RESPONSE : DnsActivityActivityId.QUERY;
        e.activity(a.value(), a.caption());
    }

    private static void answers(ZeekEvent e, Integer transId) {
        List<String> answers = e.f.peekStrings("answers");
        if (answers.isEmpty()) {
            return; // absent, empty, or not a plain vector: stays as it is
        }
        JsonNode ttls = e.f.peek("TTLs").filter(JsonNode::isArray).orElse(null);
        boolean ttlsFit = ttls != null && ttls.size() == answers.size();
        List<Integer> flags = new ArrayList<>();
        flag(e, "AA", DnsAnswerFlagIds.AUTHORITATIVE_ANSWER, flags);
        flag(e, "TC", DnsAnswerFlagIds.TRUNCATED_RESPONSE, flags);
        flag(e, "RD", DnsAnswerFlagIds.RECURSION_DESIRED, flags);
        flag(e, "RA", DnsAnswerFlagIds.RECURSION_AVAILABLE, flags);
        ArrayNode out = e.ev.putArray("answers");
        for (int i = 0; i < answers.size(); i++) {
            ObjectNode a = out.addObject();
            a.put("rdata", answers.get(i));
            if (ttlsFit && ttls.get(i).isNumber()) {
                a.put("ttl", new BigDecimal(ttls.get(i).asText()).setScale(0, java.math.RoundingMode.HALF_UP).intValue());
            }
            if (transId != null) {
                a.put("packet_uid", transId);
            }
            if (!flags.isEmpty()) {
                a.set("flag_ids", Json.MAPPER.valueToTree(flags));
                ArrayNode names = a.putArray("flags");
                flags.forEach(id -> names.add(DnsAnswerFlagIds.of(id).caption()));
            }
            if (IpAddresses.isIpAddress(answers.get(i))) {
                e.observable("answers.rdata", ObservableTypeId.IP_ADDRESS, answers.get(i));
            }
        }
        e.f.consume("answers");
        if (ttlsFit) {
            e.f.consume("TTLs");
        }
        if (transId != null) {
            e.f.consume("trans_id");
        }
    }

    /** A set header flag becomes an answer flag; the field is consumed either way (false says "not set"). */
    private static void flag(ZeekEvent e, String name, DnsAnswerFlagIds id, List<Integer> flags) {
        e.f.takeBoolean(name).ifPresent(set -> {
            if (set) {
                flags.add(id.value());
            }
        });
    }

    static DnsActivityRcodeId rcodeId(int rcode) {
        for (DnsActivityRcodeId id : DnsActivityRcodeId.values()) {
            if (id.value() == rcode && id != DnsActivityRcodeId.OTHER) {
                return id;
            }
        }
        return DnsActivityRcodeId.OTHER;
    }
}
