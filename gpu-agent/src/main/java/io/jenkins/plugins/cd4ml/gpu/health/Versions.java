package io.jenkins.plugins.cd4ml.gpu.health;

/** Compares dotted version numbers such as driver {@code 535.104.05} or CUDA {@code 12.2}. */
public final class Versions {
    private Versions() {
    }

    /**
     * Compares numerically, part by part; missing parts count as 0 and non-numeric parts are ignored.
     *
     * @param left a version
     * @param right another version
     * @return negative, zero or positive as {@code left} is older, equal or newer
     */
    public static int compare(String left, String right) {
        String[] a = left.strip().split("\\.");
        String[] b = right.strip().split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            long x = i < a.length ? numberOf(a[i]) : 0;
            long y = i < b.length ? numberOf(b[i]) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        return 0;
    }

    private static long numberOf(String part) {
        String digits = part.replaceAll("\\D.*$", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }
}
