package io.protect.normalize.mapping.zeek;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.ocsf.model.enums.FileTypeId;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.enums.SmbActivityActivityId;
import io.protect.ocsf.model.events.SmbActivity;
import java.util.Locale;

/**
 * Zeek {@code smb_files.log} → SMB Activity (4006).
 *
 * <ul>
 *   <li>{@code action} ({@code SMB::FILE_OPEN}, {@code SMB::FILE_READ}, ...) → {@code command};
 *       activity File Open for {@code SMB::FILE_OPEN}, Other for every other action (OCSF's SMB
 *       activities are the CREATE dispositions, which Zeek does not log).</li>
 *   <li>{@code path} → {@code share}; {@code name} → {@code file.name} (type Unknown: Zeek does not
 *       say file or directory), {@code fuid} → {@code file.uid}, {@code size} → {@code file.size},
 *       {@code times.modified}/{@code accessed}/{@code created} → {@code file.modified_time}/
 *       {@code accessed_time}/{@code created_time} (ms). {@code times.changed} (no OCSF home),
 *       {@code prev_name} and the data offsets stay in unmapped.</li>
 * </ul>
 */
final class ZeekSmbFilesMapper extends ZeekMapper {

    ZeekSmbFilesMapper() {
        super("smb_files", SmbActivity.class, 4006, 4, "SMB Activity", NETWORK);
    }

    @Override
    void fill(ZeekEvent e) {
        e.endpoints();
        e.connectionInfo(e.ev);
        e.put("app_protocol_name", "smb");
        String action = e.f.takeText("action").orElse(null);
        SmbActivityActivityId a = action == null ? SmbActivityActivityId.UNKNOWN
                : action.toUpperCase(Locale.ROOT).equals("SMB::FILE_OPEN") ? SmbActivityActivityId.FILE_OPEN
                : SmbActivityActivityId.OTHER;
        e.activity(a.value(), a.caption());
        e.put("command", action);
        e.text("path", "share");
        String name = e.f.takeText("name").orElse(null);
        if (name != null) {
            ObjectNode file = e.obj("file");
            file.put("name", name);
            file.put("type_id", FileTypeId.UNKNOWN.value());
            file.put("type", FileTypeId.UNKNOWN.caption());
            e.f.takeText("fuid").ifPresent(u -> file.put("uid", u));
            e.f.takeLong("size").ifPresent(s -> file.put("size", s));
            time(e, file, "times.modified", "modified_time");
            time(e, file, "times.accessed", "accessed_time");
            time(e, file, "times.created", "created_time");
            e.observable("file.name", ObservableTypeId.FILE_NAME, name);
        }
    }

    private static void time(ZeekEvent e, ObjectNode file, String field, String target) {
        e.f.takeDecimal(field).ifPresent(t -> file.put(target, ZeekEvent.millis(t)));
    }
}
