package io.protect.normalize.mapping.zeek;

import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.events.BaseEvent;

/**
 * Zeek {@code x509.log} → Base Event (0), activity Other. The record describes a certificate Zeek
 * saw in a TLS handshake but names no connection (the link is the fingerprint in ssl.log's
 * {@code cert_chain_fps}), and every OCSF class with a {@code tls.certificate} requires an
 * endpoint: a Network Activity would have to invent one. So the certificate is reported as a Base
 * Event whose {@code message} names it, with the fingerprint (Fingerprint observable), serial
 * number and SAN names as observables; every certificate field stays, nested as Zeek wrote it, in
 * {@code unmapped} (fingerprint, subject and serial included, since observables are references,
 * not a mapping home).
 */
final class ZeekX509Mapper extends ZeekMapper {

    ZeekX509Mapper() {
        super("x509", BaseEvent.class, 0, 0, "Base Event", "Uncategorized");
    }

    @Override
    void fill(ZeekEvent e) {
        e.activity(99, "Other");
        String subject = e.f.peekText("certificate.subject").orElse(null);
        String issuer = e.f.peekText("certificate.issuer").orElse(null);
        e.message("X.509 certificate" + (subject != null ? " " + subject : "")
                + (issuer != null && !issuer.equals(subject) ? " issued by " + issuer : subject != null ? " (self-issued)" : ""));
        e.f.peekText("fingerprint").ifPresent(fp -> e.observable("unmapped.fingerprint", ObservableTypeId.FINGERPRINT, fp));
        e.f.peekText("certificate.serial").ifPresent(s -> e.observable("unmapped.certificate.serial",
                ObservableTypeId.SERIAL_NUMBER, s));
        for (String dns : e.f.peekStrings("san.dns")) {
            e.observable("unmapped.san.dns", ObservableTypeId.HOSTNAME, dns);
        }
    }
}
