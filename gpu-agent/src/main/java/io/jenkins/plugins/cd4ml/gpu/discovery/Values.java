package io.jenkins.plugins.cd4ml.gpu.discovery;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads nvidia-smi's values: {@code 81920 MiB}, {@code 44 C}, {@code 65.12 W}, {@code N/A}, {@code [Not Supported]}. */
public final class Values {
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(-?\\d+(?:\\.\\d+)?)");

    private Values() {
    }

    /**
     * @param text a value as printed by nvidia-smi, or {@code null}
     * @return its leading number, or {@code null} for N/A, unsupported and empty values
     */
    public static Double number(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = LEADING_NUMBER.matcher(text);
        return matcher.find() ? Double.valueOf(matcher.group(1)) : null;
    }

    /**
     * @param text a value
     * @return its leading number rounded to a long, or {@code null}
     */
    public static Long wholeNumber(String text) {
        Double value = number(text);
        return value == null ? null : Math.round(value);
    }

    /**
     * @param text a value
     * @return its leading number rounded to an int, or {@code null}
     */
    public static Integer integer(String text) {
        Double value = number(text);
        return value == null ? null : (int) Math.round(value);
    }

    /**
     * @param text {@code Enabled}, {@code Yes}, {@code Disabled}, {@code No}, {@code N/A}…
     * @return whether it says yes
     */
    public static boolean isYes(String text) {
        if (text == null) {
            return false;
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        return value.equals("enabled") || value.equals("yes") || value.equals("on") || value.equals("active");
    }

    /**
     * @param text a value
     * @return the value, or empty for N/A and unsupported values
     */
    public static String present(String text) {
        if (text == null) {
            return "";
        }
        String value = text.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.isEmpty() || lower.contains("n/a") || lower.contains("not supported")
                || lower.contains("unknown error") ? "" : value;
    }
}
