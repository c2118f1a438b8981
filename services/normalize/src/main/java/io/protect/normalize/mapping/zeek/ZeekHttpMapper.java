package io.protect.normalize.mapping.zeek;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.ocsf.model.enums.HttpActivityActivityId;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.enums.StatusId;
import io.protect.ocsf.model.events.HttpActivity;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Zeek {@code http.log} → HTTP Activity (4002).
 *
 * <ul>
 *   <li>{@code method} → activity (Connect, Delete, Get, Head, Options, Post, Put, Trace, Patch;
 *       any other method, e.g. WebDAV's PROPFIND, is activity Other and stays in unmapped since
 *       OCSF's {@code http_method} enumerates only those nine).</li>
 *   <li>{@code host}/{@code uri} → {@code http_request.url} (hostname, path, query_string, and
 *       {@code url_string} {@code http://host[:port]uri} — http.log is cleartext HTTP);
 *       {@code version}, {@code user_agent}, {@code referrer}, {@code request_body_len} →
 *       {@code http_request}; {@code status_code}/{@code status_msg}/{@code response_body_len}
 *       and a single {@code resp_mime_types} entry → {@code http_response}. Status: 1xx–3xx
 *       Success, 4xx/5xx Failure.</li>
 *   <li>{@code tags}, file ids and names, {@code info_*}, {@code username}/{@code password},
 *       {@code client_header_names}, {@code trans_depth}, {@code origin} ... stay in unmapped.</li>
 * </ul>
 */
final class ZeekHttpMapper extends ZeekMapper {

    static final Set<String> OCSF_METHODS = Set.of("CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE");

    ZeekHttpMapper() {
        super("http", HttpActivity.class, 4002, 4, "HTTP Activity", NETWORK);
    }

    @Override
    void fill(ZeekEvent e) {
        e.endpoints();
        Integer dstPort = e.ev.path("dst_endpoint").path("port").isInt() ? e.ev.path("dst_endpoint").path("port").intValue() : null;
        e.connectionInfo(e.ev);
        e.put("app_protocol_name", "http");
        ObjectNode req = e.obj("http_request");
        String method = e.f.peekText("method").map(m -> m.toUpperCase(Locale.ROOT)).orElse(null);
        HttpActivityActivityId activity = HttpActivityActivityId.UNKNOWN;
        if (method != null) {
            if (OCSF_METHODS.contains(method)) {
                e.f.consume("method");
                req.put("http_method", method);
                activity = HttpActivityActivityId.valueOf(method);
            } else {
                activity = HttpActivityActivityId.OTHER;
            }
        }
        e.activity(activity.value(), activity.caption());
        String host = e.f.takeText("host").orElse(null);
        String uri = e.f.takeText("uri").orElse(null);
        if (host != null || uri != null) {
            ObjectNode url = req.putObject("url");
            if (host != null) {
                url.put("hostname", host);
                e.observable("http_request.url.hostname", ObservableTypeId.HOSTNAME, host);
            }
            String path = uri == null ? "/" : uri;
            int q = path.indexOf('?');
            url.put("path", q < 0 ? path : path.substring(0, q));
            if (q >= 0) {
                url.put("query_string", path.substring(q + 1));
            }
            if (host != null) {
                String port = dstPort == null || dstPort == 80 ? "" : ":" + dstPort;
                String s = "http://" + host + port + (path.startsWith("/") ? path : "/" + path);
                url.put("url_string", s);
                e.observable("http_request.url.url_string", ObservableTypeId.URL_STRING, s);
            }
            if (dstPort != null) {
                url.put("port", dstPort);
            }
        }
        e.f.takeText("version").ifPresent(v -> req.put("version", v));
        e.f.takeText("user_agent").ifPresent(ua -> {
            req.put("user_agent", ua);
            e.observable("http_request.user_agent", ObservableTypeId.HTTP_USER_AGENT, ua);
        });
        e.f.takeText("referrer").ifPresent(r -> req.put("referrer", r));
        e.f.takeLong("request_body_len").ifPresent(n -> req.put("body_length", n));
        Integer code = e.f.takeInt("status_code").orElse(null);
        if (code != null) {
            ObjectNode resp = e.obj("http_response");
            resp.put("code", code);
            e.f.takeText("status_msg").ifPresent(m -> resp.put("message", m));
            e.f.takeLong("response_body_len").ifPresent(n -> resp.put("body_length", n));
            List<String> mimes = e.f.peekStrings("resp_mime_types");
            if (mimes.size() == 1) {
                resp.put("content_type", mimes.get(0));
                e.f.consume("resp_mime_types");
            }
            if (code >= 100 && code < 400) {
                e.status(StatusId.SUCCESS);
            } else if (code >= 400) {
                e.status(StatusId.FAILURE);
            }
            e.put("status_code", Integer.toString(code));
        }
    }
}
