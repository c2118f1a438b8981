package io.protect.normalize.mapping.zeek;

import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.MappingContext;
import java.util.List;

/**
 * The common frame of the Zeek mappers: one subclass per log type fills the class-specific part
 * of a {@link ZeekEvent}; time, tuple, metadata, enrichment, observables, {@code raw_data} and
 * {@code unmapped} are shared.
 */
public abstract class ZeekMapper implements AlertMapper {

    /** A mapped event and the source fields (key paths) the mapping used. */
    public record Tracked(Record event, List<List<String>> consumed) {
    }

    private final String logType;
    private final Class<? extends Record> type;
    private final int classUid;
    private final int categoryUid;
    private final String className;
    private final String categoryName;

    ZeekMapper(String logType, Class<? extends Record> type, int classUid, int categoryUid, String className,
            String categoryName) {
        this.logType = logType;
        this.type = type;
        this.classUid = classUid;
        this.categoryUid = categoryUid;
        this.className = className;
        this.categoryName = categoryName;
    }

    /** The Zeek log type this mapper reads (null for the fallback). */
    public String logType() {
        return logType;
    }

    /** The OCSF class the mapper produces. */
    public int classUid() {
        return classUid;
    }

    @Override
    public Record map(AlertEnriched alert, MappingContext context) {
        return mapTracked(alert, context).event();
    }

    /** Maps and tells which source fields were used (the rest is in {@code unmapped}). */
    public Tracked mapTracked(AlertEnriched alert, MappingContext context) {
        ZeekEvent e = new ZeekEvent(alert, context, logType);
        fill(e);
        return new Tracked(e.finish(type, classUid, categoryUid, className, categoryName), e.f.consumed());
    }

    /** Fills the class-specific attributes, consuming the source fields it maps. */
    abstract void fill(ZeekEvent e);

    static final String NETWORK = "Network Activity";
}
