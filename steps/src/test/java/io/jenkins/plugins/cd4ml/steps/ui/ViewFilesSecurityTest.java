package io.jenkins.plugins.cd4ml.steps.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every view the plugin ships is CSP-safe and escapes what it prints: Jelly with
 * {@code escape-by-default='true'}, no {@code <j:out>} (which would print unescaped), no inline
 * script or style, no event-handler attributes; scripts only from the plugin's static files.
 */
class ViewFilesSecurityTest {
    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Path WEBAPP = Path.of("src", "main", "webapp");

    static Stream<Path> views() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(p -> p.toString().endsWith(".jelly")).toList().stream();
        }
    }

    static Stream<Path> helpFiles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(p -> p.getFileName().toString().matches("help.*\\.html")).toList().stream();
        }
    }

    @Test
    void theUiViewsAreAllChecked() throws IOException {
        assertThat(views().map(p -> RESOURCES.relativize(p).toString().replace('\\', '/'))).contains(
                "io/jenkins/plugins/cd4ml/steps/support/MlReportsAction/index.jelly",
                "io/jenkins/plugins/cd4ml/steps/support/MlReportsAction/summary.jelly",
                "io/jenkins/plugins/cd4ml/steps/ui/MlTrendsAction/index.jelly",
                "io/jenkins/plugins/cd4ml/steps/config/Cd4mlGlobalConfiguration/config.jelly");
    }

    @ParameterizedTest
    @MethodSource("views")
    void escapesByDefault(Path view) throws IOException {
        assertThat(read(view)).as(view.toString()).startsWith("<?jelly escape-by-default='true'?>");
    }

    @ParameterizedTest
    @MethodSource("views")
    void neverPrintsUnescaped(Path view) throws IOException {
        String text = read(view);
        assertThat(text).as(view.toString()).doesNotContain("<j:out").doesNotContain("escapeText=\"false\"")
                .doesNotContain("escape-by-default='false'");
    }

    @ParameterizedTest
    @MethodSource("views")
    void hasNoInlineScriptStyleOrEventHandler(Path view) throws IOException {
        assertInlineFree(view, read(view));
    }

    /**
     * Escaping keeps a value inside its attribute but cannot make a URL safe: a {@code javascript:}
     * URL from user data would still run. So URL attributes begin with a fixed prefix (Jenkins' own
     * {@code resURL}/{@code rootURL}, a fragment, or the action's fixed URL name), never with data.
     */
    @ParameterizedTest
    @MethodSource("views")
    void urlAttributesNeverBeginWithUserData(Path view) throws IOException {
        assertThat(unsafeUrls(read(view))).as(view.toString()).isEmpty();
    }

    @Test
    void theUrlScanCatchesViolations() {
        assertThat(unsafeUrls("<a href=\"${model.url}\">x</a>")).hasSize(1);
        assertThat(unsafeUrls("<img src='${section.image}'/>")).hasSize(1);
        assertThat(unsafeUrls("<form action=\"${it.target}\"/>")).hasSize(1);
        assertThat(unsafeUrls("<a href=\"#${section.anchor}\">x</a><a href=\"${rootURL}/job/${it.name}\">y</a>"
                + "<script src=\"${resURL}/plugin/cd4ml/js/cd4ml-tables.js\"/><a href=\"${it.urlName}/\">z</a>"))
                .isEmpty();
    }

    private static List<String> unsafeUrls(String text) {
        Matcher url = Pattern.compile("\\s(?:href|src|action|formaction|xlink:href|poster|data|background)\\s*=\\s*"
                + "([\"'])([^\"']*)\\1", Pattern.CASE_INSENSITIVE).matcher(text);
        Stream.Builder<String> problems = Stream.builder();
        while (url.find()) {
            String value = url.group(2);
            if (value.startsWith("${") && !value.matches("\\$\\{(resURL|rootURL|it\\.urlName)}.*")) {
                problems.add(url.group().trim());
            }
        }
        return problems.build().toList();
    }

    @ParameterizedTest
    @MethodSource("helpFiles")
    void helpFilesHaveNoScriptStyleOrEventHandler(Path help) throws IOException {
        String text = read(help);
        assertThat(text).as(help.toString()).doesNotContainIgnoringCase("<script");
        assertInlineFree(help, text);
    }

    @Test
    void scriptsComeOnlyFromThePluginsStaticFilesThatExist() throws IOException {
        Pattern src = Pattern.compile("<script\\s+src=\"\\$\\{resURL}/plugin/cd4ml/([^\"]+)\"");
        for (Path view : views().toList()) {
            Matcher matcher = src.matcher(read(view));
            while (matcher.find()) {
                assertThat(WEBAPP.resolve(matcher.group(1))).as(view + " loads " + matcher.group(1)).isRegularFile();
            }
        }
    }

    @Test
    void theScriptWritesNoHtmlAndEvaluatesNothing() throws IOException {
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            for (Path script : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                assertThat(read(script)).as(script.toString())
                        .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                                "new Function", "setTimeout(\"", ".style.");
            }
        }
    }

    /** Proves the scan would catch each violation. */
    @Test
    void theScanCatchesViolations() {
        for (String bad : List.of("<script>alert(1)</script>", "<script type=\"text/javascript\">x()</script>",
                "<div style=\"color:red\"/>", "<img onerror=\"x()\"/>", "<a href=\"javascript:x()\">",
                "<style>p{}</style>")) {
            assertThat(inlineViolations(bad)).as(bad).isNotEmpty();
        }
        assertThat(inlineViolations("<script src=\"${resURL}/plugin/cd4ml/js/cd4ml-tables.js\" type=\"text/javascript\"/>"))
                .isEmpty();
    }

    private static void assertInlineFree(Path file, String text) {
        assertThat(inlineViolations(text)).as(file.toString()).isEmpty();
    }

    private static List<String> inlineViolations(String text) {
        Stream.Builder<String> problems = Stream.builder();
        Matcher script = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE).matcher(text);
        while (script.find()) {
            String attributes = script.group(1);
            if (!attributes.endsWith("/") || !attributes.contains("src=")) {
                problems.add("inline script: " + script.group());
            }
        }
        if (Pattern.compile("<style\\b", Pattern.CASE_INSENSITIVE).matcher(text).find()) {
            problems.add("style element");
        }
        if (Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE).matcher(text).find()) {
            problems.add("style attribute");
        }
        Matcher handler = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(text);
        if (handler.find()) {
            problems.add("event handler attribute: " + handler.group());
        }
        if (text.toLowerCase(java.util.Locale.ROOT).contains("javascript:")) {
            problems.add("javascript: URL");
        }
        return problems.build().toList();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
