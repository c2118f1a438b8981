package io.protect.ingest.syslog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a syslog TCP byte stream into messages. Both framings of syslog over TCP are accepted on
 * the same connection, decided per message by its first byte: octet counting (RFC 5425 / RFC 6587
 * §3.4.1, {@code "<length> <message>"}, used over TLS) when it starts with a digit, and
 * non-transparent framing (RFC 6587 §3.4.2) otherwise, where a message ends at LF (a CR before it
 * is dropped). Messages larger than the limit are refused with an error instead of being buffered.
 * Not thread-safe: one instance per connection.
 */
public final class SyslogFramer {

    /** A frame that cannot be accepted; the connection should be closed. */
    public static final class FramingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FramingException(String message) {
            super(message);
        }
    }

    private final int maxMessageBytes;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    /** Remaining bytes of an octet-counted message being read; -1 when none is. */
    private int remaining = -1;
    /** Digits of an octet count being read. */
    private final StringBuilder count = new StringBuilder();
    private boolean readingCount;

    public SyslogFramer(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Feeds bytes as they arrive; returns the messages they complete, in order. */
    public List<String> feed(byte[] bytes) {
        List<String> out = new ArrayList<>();
        for (byte b : bytes) {
            if (remaining > 0) {
                current.write(b);
                if (--remaining == 0) {
                    out.add(take());
                    remaining = -1;
                }
                continue;
            }
            if (readingCount) {
                if (b >= '0' && b <= '9') {
                    count.append((char) b);
                    if (count.length() > 9) {
                        throw new FramingException("octet count too long");
                    }
                } else if (b == ' ') {
                    int length = Integer.parseInt(count.toString());
                    count.setLength(0);
                    readingCount = false;
                    if (length > maxMessageBytes) {
                        throw new FramingException("message of " + length + " bytes exceeds the limit of " + maxMessageBytes);
                    }
                    if (length == 0) {
                        continue;
                    }
                    remaining = length;
                } else {
                    throw new FramingException("octet count followed by '" + (char) b + "' instead of a space");
                }
                continue;
            }
            if (current.size() == 0 && b >= '0' && b <= '9') {
                // A digit at the start of a message only begins an octet count: a syslog message
                // itself starts with '<' (its PRI) or, for bare CEF/LEEF lines, with a letter.
                readingCount = true;
                count.append((char) b);
                continue;
            }
            if (b == '\n') {
                if (current.size() > 0) {
                    out.add(take());
                }
                continue;
            }
            if (current.size() >= maxMessageBytes) {
                throw new FramingException("line exceeds the limit of " + maxMessageBytes + " bytes without a newline");
            }
            current.write(b);
        }
        return out;
    }

    /** What is left when the peer closes: a last unterminated line counts as a message. */
    public List<String> finish() {
        if (remaining > 0 || readingCount) {
            throw new FramingException("connection closed inside an octet-counted message");
        }
        return current.size() > 0 ? List.of(take()) : List.of();
    }

    private String take() {
        String text = current.toString(StandardCharsets.UTF_8);
        current.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
