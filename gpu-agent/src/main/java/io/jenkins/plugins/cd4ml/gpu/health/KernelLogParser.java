package io.jenkins.plugins.cd4ml.gpu.health;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds XID errors in kernel log text: {@code journalctl -k -o short-iso} lines (with timestamps)
 * or {@code dmesg} lines (seconds since boot, so they carry no time).
 */
public final class KernelLogParser {
    private static final Pattern XID =
            Pattern.compile("NVRM: Xid \\(PCI:([0-9a-fA-F]+:[0-9a-fA-F]+:[0-9a-fA-F]+)(?:\\.\\d)?\\): (\\d+),\\s*(.*)$");
    private static final Pattern ISO_PREFIX = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}T\\S+)\\s");
    private static final DateTimeFormatter JOURNAL_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSSSSS]XX");

    /**
     * @param text kernel log text
     * @return every XID error, in log order
     */
    public List<XidEvent> parse(String text) {
        List<XidEvent> events = new ArrayList<>();
        for (String line : text.split("\\R")) {
            Matcher xid = XID.matcher(line);
            if (!xid.find()) {
                continue;
            }
            events.add(new XidEvent(PciAddress.normalise(xid.group(1)), Integer.parseInt(xid.group(2)),
                    timeOf(line), xid.group(3).strip()));
        }
        return events;
    }

    private static Instant timeOf(String line) {
        Matcher iso = ISO_PREFIX.matcher(line);
        if (!iso.find()) {
            return null;
        }
        String stamp = iso.group(1);
        try {
            return OffsetDateTime.parse(stamp).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(stamp, JOURNAL_ISO).toInstant();
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }
}
