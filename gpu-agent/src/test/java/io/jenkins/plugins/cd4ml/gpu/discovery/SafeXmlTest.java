package io.jenkins.plugins.cd4ml.gpu.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeXmlTest {
    @Test
    void externalEntityIsNotResolved(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-TOKEN");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE nvidia_smi_log [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>\n<nvidia_smi_log><driver_version>&xxe;</driver_version>"
                + "<cuda_version>12.2</cuda_version></nvidia_smi_log>";
        // The safe parser itself does not resolve it …
        assertThat(SafeXml.parse(xml).getDocumentElement().getTextContent()).doesNotContain("TOP-SECRET")
                .contains("12.2");
        // … and the nvidia-smi parser refuses documents that declare entities at all.
        assertThatThrownBy(() -> new NvidiaSmiXmlParser().parse(xml))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("entity declarations");
    }

    @Test
    void externalDtdIsNotLoaded(@TempDir Path dir) throws Exception {
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY injected \"FROM-DTD\">");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE nvidia_smi_log SYSTEM \"" + dtd.toUri() + "\">\n"
                + "<nvidia_smi_log><driver_version>535</driver_version></nvidia_smi_log>";
        assertThat(new NvidiaSmiXmlParser().parse(xml).driverVersion()).isEqualTo("535");
    }

    @Test
    void entityExpansionBombIsRejected() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE nvidia_smi_log [\n<!ENTITY a0 \"lol\">\n");
        for (int i = 1; i <= 12; i++) {
            xml.append("<!ENTITY a").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                xml.append("&a").append(i - 1).append(';');
            }
            xml.append("\">\n");
        }
        xml.append("]>\n<nvidia_smi_log><driver_version>&a12;</driver_version></nvidia_smi_log>");
        String text;
        try {
            text = SafeXml.parse(xml.toString()).getDocumentElement().getTextContent();
        } catch (org.xml.sax.SAXException e) {
            text = ""; // the JDK's entity expansion limit stopped it: also safe
        }
        assertThat(text.length()).as("no expansion to 3 * 10^12 characters").isLessThan(1_000_000);
        assertThatThrownBy(() -> new NvidiaSmiXmlParser().parse(xml.toString()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void wrongRootIsInvalidInput() {
        assertThatThrownBy(() -> new NvidiaSmiXmlParser().parse("<html/>"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("<nvidia_smi_log>");
    }
}
