package io.protect.normalize.mapping.zeek;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.ocsf.model.enums.EmailActivityActivityId;
import io.protect.ocsf.model.enums.EmailActivityDirectionId;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.enums.StatusId;
import io.protect.ocsf.model.events.EmailActivity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zeek {@code smtp.log} → Email Activity (4009), activity Send (the originator hands a message
 * to the responder's MTA). Records with no address at all (a STARTTLS-only session) cannot form
 * OCSF's {@code email} (from or to is required): {@link ZeekMappers} sends them to the fallback
 * Network Activity mapper instead — see {@link #hasAddress}.
 *
 * <ul>
 *   <li>Direction from the addresses: external → internal Inbound, internal → external Outbound,
 *       internal → internal Internal, else Unknown.</li>
 *   <li>{@code mailfrom}/{@code rcptto} (envelope) → {@code email.smtp_from}/{@code smtp_to};
 *       headers {@code from}/{@code to}/{@code cc}/{@code reply_to} → {@code email.from}/{@code to}/
 *       {@code cc}/{@code reply_to}: the address is taken from {@code Name <addr>} or
 *       {@code addr (Name)} forms, and the header text is consumed only when it was the bare address
 *       (otherwise it also stays in unmapped). When the header From is missing, the envelope sender
 *       stands in for {@code email.from}; likewise the envelope recipients for {@code email.to}.</li>
 *   <li>{@code subject} → {@code email.subject}; {@code msg_id} → {@code email.message_uid};
 *       {@code helo} → {@code smtp_hello}; {@code last_reply} → {@code status_detail}, its code →
 *       {@code status_code}, 2xx/3xx Success, 4xx/5xx Failure.</li>
 *   <li>{@code path}, {@code tls}, {@code fuids}, {@code date}, {@code *_received},
 *       {@code trans_depth}, {@code user_agent} ... stay in unmapped.</li>
 * </ul>
 */
final class ZeekSmtpMapper extends ZeekMapper {

    private static final Pattern ADDRESS = Pattern.compile("[a-zA-Z0-9!#$%&'*+\\-/=?^_`{|}~.]+@[a-zA-Z0-9-]+\\.[a-zA-Z0-9-.]+");
    private static final Pattern EMAIL_T = Pattern.compile("^" + ADDRESS.pattern() + "$");

    ZeekSmtpMapper() {
        super("smtp", EmailActivity.class, 4009, 4, "Email Activity", NETWORK);
    }

    /** True when the record names at least one sender or recipient address. */
    static boolean hasAddress(com.fasterxml.jackson.databind.JsonNode r) {
        ZeekFields f = new ZeekFields(r);
        return address(f.peekText("mailfrom").orElse(null)).isPresent()
                || address(f.peekText("from").orElse(null)).isPresent()
                || f.peekStrings("rcptto").stream().anyMatch(s -> address(s).isPresent())
                || f.peekStrings("to").stream().anyMatch(s -> address(s).isPresent());
    }

    @Override
    void fill(ZeekEvent e) {
        e.endpoints();
        e.put("protocol_name", "smtp");
        e.activity(EmailActivityActivityId.SEND.value(), EmailActivityActivityId.SEND.caption());
        EmailActivityDirectionId dir = switch (e.addressDirection()) {
            case INBOUND -> EmailActivityDirectionId.INBOUND;
            case OUTBOUND -> EmailActivityDirectionId.OUTBOUND;
            case LATERAL -> EmailActivityDirectionId.INTERNAL;
            default -> EmailActivityDirectionId.UNKNOWN;
        };
        e.put("direction_id", dir.value());
        e.put("direction", dir.caption());

        ObjectNode email = e.obj("email");
        Optional<String> smtpFrom = single(e, "mailfrom");
        smtpFrom.ifPresent(a -> email.put("smtp_from", a));
        List<String> smtpTo = list(e, "rcptto");
        putList(email, "smtp_to", smtpTo);
        Optional<String> from = single(e, "from");
        Optional<String> effectiveFrom = from.isPresent() ? from : smtpFrom;
        effectiveFrom.ifPresent(a -> {
            email.put("from", a);
            e.observable("email.from", ObservableTypeId.EMAIL_ADDRESS, a);
        });
        List<String> to = list(e, "to");
        putList(email, "to", to.isEmpty() ? smtpTo : to);
        (to.isEmpty() ? smtpTo : to).forEach(a -> e.observable("email.to", ObservableTypeId.EMAIL_ADDRESS, a));
        putList(email, "cc", list(e, "cc"));
        single(e, "reply_to").ifPresent(a -> email.putArray("reply_to_list").add(a));
        e.f.takeText("subject").ifPresent(s -> email.put("subject", s));
        e.f.takeText("msg_id").ifPresent(s -> email.put("message_uid", s));
        e.text("helo", "smtp_hello");
        e.f.takeText("last_reply").ifPresent(r -> {
            e.put("status_detail", r);
            Matcher m = Pattern.compile("^([2-5])\\d\\d").matcher(r);
            if (m.find()) {
                e.put("status_code", m.group());
                e.status(m.group(1).equals("2") || m.group(1).equals("3") ? StatusId.SUCCESS : StatusId.FAILURE);
            }
        });
    }

    /** The address of one header/envelope value; consumed only when the text was the bare address. */
    private static Optional<String> single(ZeekEvent e, String field) {
        Optional<String> raw = e.f.peekText(field);
        Optional<String> a = raw.flatMap(ZeekSmtpMapper::address);
        if (a.isPresent() && a.get().equals(raw.get().trim())) {
            e.f.consume(field);
        }
        return a;
    }

    /** The addresses of a list field; consumed only when every entry was a bare address. */
    private static List<String> list(ZeekEvent e, String field) {
        List<String> raw = e.f.peekStrings(field);
        List<String> out = new ArrayList<>();
        boolean bare = !raw.isEmpty();
        for (String s : raw) {
            Optional<String> a = address(s);
            a.ifPresent(out::add);
            bare &= a.isPresent() && a.get().equals(s.trim());
        }
        if (bare) {
            e.f.consume(field);
        }
        return out;
    }

    private static void putList(ObjectNode email, String name, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = email.putArray(name);
            values.forEach(a::add);
        }
    }

    /** The address in {@code addr}, {@code Name <addr>}, {@code addr (Name)}; empty when none is valid. */
    static Optional<String> address(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        int lt = t.lastIndexOf('<');
        int gt = t.lastIndexOf('>');
        String candidate = lt >= 0 && gt > lt ? t.substring(lt + 1, gt).trim() : t;
        if (EMAIL_T.matcher(candidate).matches()) {
            return Optional.of(candidate);
        }
        Matcher m = ADDRESS.matcher(candidate);
        while (m.find()) {
            String found = m.group();
            // strip punctuation a display form leaves around the address ("a@b.c;", "Group:a@b.c")
            found = found.replaceAll("^[^a-zA-Z0-9]+", "").replaceAll("[.;,]+$", "");
            int colon = found.lastIndexOf(':');
            if (colon >= 0) {
                found = found.substring(colon + 1);
            }
            if (EMAIL_T.matcher(found).matches()) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }
}
