package io.jenkins.plugins.cd4ml.gpu.health;

import java.util.Locale;

/** One spelling for PCI addresses, which nvidia-smi ({@code 00000000:4E:00.0}) and the kernel ({@code 0000:4e:00}) write differently. */
public final class PciAddress {
    private PciAddress() {
    }

    /**
     * @param address a PCI address in either spelling
     * @return {@code domain:bus:device} in lower case without leading zeros in the domain, e.g. {@code 0:4e:00}
     */
    public static String normalise(String address) {
        String value = address.strip().toLowerCase(Locale.ROOT);
        int dot = value.indexOf('.');
        if (dot > 0) {
            value = value.substring(0, dot);
        }
        String[] parts = value.split(":");
        if (parts.length != 3) {
            return value;
        }
        String domain;
        try {
            domain = Long.toHexString(Long.parseLong(parts[0], 16));
        } catch (NumberFormatException e) {
            domain = parts[0];
        }
        return domain + ":" + parts[1] + ":" + parts[2];
    }
}
