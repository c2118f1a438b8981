package io.protect.store.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.protect.store.EventQuery;
import io.protect.store.EventQuery.PageCursor;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Real: the parser and the cursor codec. Faked: nothing (no HTTP involved). */
class EventQueryParserTest {

    private final EventQueryParser parser = new EventQueryParser(50, 500);

    private static EventQueryParser.Raw raw(String classUid, String severityId, String since, String until, String srcIp,
            String limit, String cursor) {
        return new EventQueryParser.Raw(classUid, severityId, since, until, srcIp, limit, cursor);
    }

    @Test
    void noParametersMeansNoFiltersAndTheDefaultLimit() {
        EventQuery q = parser.parse(raw(null, null, null, null, null, null, null));
        assertNull(q.classUid());
        assertNull(q.since());
        assertEquals(50, q.limit());
        assertTrue(q.after().isEmpty());
    }

    @Test
    void readsEveryFilter() {
        PageCursor cursor = new PageCursor(Instant.parse("2024-11-22T16:00:00.123456Z"), UUID.randomUUID());
        EventQuery q = parser.parse(raw("2004", "4", "2024-11-22T16:00:00Z", "1732294800000", "2001:db8::1", "500",
                PageCursors.encode(cursor)));
        assertEquals(2004, q.classUid());
        assertEquals(4, q.severityId());
        assertEquals(Instant.parse("2024-11-22T16:00:00Z"), q.since());
        assertEquals(Instant.parse("2024-11-22T17:00:00Z"), q.until());
        assertEquals("2001:db8::1", q.srcIp());
        assertEquals(500, q.limit());
        assertEquals(cursor, q.after().orElseThrow());
    }

    @Test
    void acceptsAnIsoInstantWithAnOffset() {
        EventQuery q = parser.parse(raw(null, null, "2024-11-22T17:00:00+01:00", null, null, null, null));
        assertEquals(Instant.parse("2024-11-22T16:00:00Z"), q.since());
    }

    @Test
    void aBadParameterIsRejectedByName() {
        assertParameter("class_uid", raw("abc", null, null, null, null, null, null));
        assertParameter("severity_id", raw(null, "100", null, null, null, null, null));
        assertParameter("since", raw(null, null, "yesterday", null, null, null, null));
        assertParameter("until", raw(null, null, "1732294800000", "1732291200000", null, null, null));
        assertParameter("src_ip", raw(null, null, null, null, "example.com", null, null));
        assertParameter("limit", raw(null, null, null, null, null, "0", null));
        assertParameter("limit", raw(null, null, null, null, null, "501", null));
        assertParameter("cursor", raw(null, null, null, null, null, null, "bm90LWEtY3Vyc29y"));
        assertParameter("cursor", raw(null, null, null, null, null, null, "%%%"));
    }

    @Test
    void aCursorRoundTripsToTheMicrosecond() {
        PageCursor c = new PageCursor(Instant.parse("1969-12-31T23:59:59.999999Z"), UUID.randomUUID());
        assertEquals(c, PageCursors.decode(PageCursors.encode(c)));
    }

    private void assertParameter(String name, EventQueryParser.Raw raw) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> parser.parse(raw));
        assertEquals(name, e.parameter());
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }
}
