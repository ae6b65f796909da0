package io.jenkins.plugins.cd4ml.gpu.discovery;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXParseException;
import org.xml.sax.SAXException;

/**
 * Parses {@code nvidia-smi -q -x}. Tolerates the layouts of drivers 450 to 570: ECC counters as
 * {@code double_bit/total} (pre-Ampere) or {@code *_uncorrectable*} (Ampere and later), power in
 * {@code power_readings} or {@code gpu_power_readings}.
 */
public final class NvidiaSmiXmlParser {
    /** The name used for the document in error messages. */
    public static final String SOURCE = "nvidia-smi -q -x";

    /**
     * @param xml the output of {@code nvidia-smi -q -x}
     * @return the inventory (MIG UUIDs and compute capability are added by {@link GpuDiscovery})
     * @throws InvalidInputException if the output is not the expected XML
     */
    public GpuInventory parse(String xml) throws InvalidInputException {
        if (xml.contains("<!ENTITY")) {
            // nvidia-smi never declares entities; a document that does was not written by it.
            throw new InvalidInputException(SourceLocation.ofFile(SOURCE),
                    "entity declarations are not accepted (expected plain nvidia-smi output)");
        }
        Element root;
        try {
            root = SafeXml.parse(xml).getDocumentElement();
        } catch (SAXParseException e) {
            throw new InvalidInputException(new SourceLocation(SOURCE, Math.max(0, e.getLineNumber()),
                    Math.max(0, e.getColumnNumber())), "not well-formed XML: " + e.getMessage(), e);
        } catch (SAXException e) {
            throw new InvalidInputException(SourceLocation.ofFile(SOURCE), "not well-formed XML: " + e.getMessage(), e);
        }
        if (!"nvidia_smi_log".equals(root.getTagName())) {
            throw new InvalidInputException(SourceLocation.ofFile(SOURCE),
                    "expected root element <nvidia_smi_log> but found <" + root.getTagName() + ">");
        }
        List<Gpu> gpus = new ArrayList<>();
        int position = 0;
        for (Element gpu : children(root, "gpu")) {
            gpus.add(parseGpu(gpu, position++));
        }
        gpus.sort(Comparator.comparingInt(Gpu::index));
        return new GpuInventory(GpuInventory.Status.AVAILABLE, Values.present(text(root, "driver_version")),
                Values.present(text(root, "cuda_version")), gpus, "");
    }

    private static Gpu parseGpu(Element gpu, int position) {
        // minor_number is the /dev/nvidiaN number, which is not always the CUDA/nvidia-smi index;
        // nvidia-smi lists GPUs in index order, so the position is the index.
        int index = position;
        String busId = gpu.getAttribute("id");
        if (busId.isEmpty()) {
            busId = Values.present(text(gpu, "pci/pci_bus_id"));
        }
        Long memory = Values.wholeNumber(text(gpu, "fb_memory_usage/total"));
        boolean mig = Values.isYes(text(gpu, "mig_mode/current_mig"));
        return new Gpu(index, Values.present(text(gpu, "uuid")), Values.present(text(gpu, "product_name")),
                busId, memory == null ? 0 : memory, "", Values.isYes(text(gpu, "persistence_mode")), mig,
                mig ? migInstances(gpu, index) : List.of(), ecc(gpu), readings(gpu));
    }

    private static List<MigInstance> migInstances(Element gpu, int parentIndex) {
        Element devices = child(gpu, "mig_devices");
        if (devices == null) {
            return List.of();
        }
        List<MigInstance> instances = new ArrayList<>();
        for (Element device : children(devices, "mig_device")) {
            Integer index = Values.integer(text(device, "index"));
            Integer gi = Values.integer(text(device, "gpu_instance_id"));
            Integer ci = Values.integer(text(device, "compute_instance_id"));
            Long memory = Values.wholeNumber(text(device, "fb_memory_usage/total"));
            instances.add(new MigInstance(parentIndex, index == null ? instances.size() : index, "", "",
                    gi == null ? -1 : gi, ci == null ? -1 : ci, memory == null ? 0 : memory));
        }
        return instances;
    }

    private static EccState ecc(Element gpu) {
        boolean enabled = Values.isYes(text(gpu, "ecc_mode/current_ecc"));
        Element errors = child(gpu, "ecc_errors");
        Long volatileUnc = errors == null ? null : uncorrectable(child(errors, "volatile"));
        Long aggregateUnc = errors == null ? null : uncorrectable(child(errors, "aggregate"));
        boolean retiredPending = Values.isYes(text(gpu, "retired_pages/pending_retirement"))
                || Values.isYes(text(gpu, "retired_pages/pending_blacklist"));
        boolean remapPending = Values.isYes(text(gpu, "remapped_rows/remapped_row_pending"));
        boolean remapFailure = Values.isYes(text(gpu, "remapped_rows/remapped_row_failure"));
        return new EccState(enabled, volatileUnc, aggregateUnc, retiredPending, remapPending, remapFailure);
    }

    /** Sums every uncorrectable counter in a {@code volatile} or {@code aggregate} block. */
    private static Long uncorrectable(Element block) {
        if (block == null) {
            return null;
        }
        Long sum = null;
        Element doubleBit = child(block, "double_bit");
        if (doubleBit != null) {
            sum = add(sum, Values.wholeNumber(text(doubleBit, "total")));
        }
        for (Element counter : children(block, null)) {
            String name = counter.getTagName().toLowerCase(Locale.ROOT);
            if (name.contains("uncorrectable") && child(counter, null) == null) {
                sum = add(sum, Values.wholeNumber(counter.getTextContent()));
            }
        }
        return sum;
    }

    private static Long add(Long sum, Long value) {
        if (value == null) {
            return sum;
        }
        return sum == null ? value : sum + value;
    }

    private static GpuReadings readings(Element gpu) {
        Element power = child(gpu, "gpu_power_readings");
        if (power == null) {
            power = child(gpu, "power_readings");
        }
        Double draw = null;
        Double limit = null;
        if (power != null) {
            draw = Values.number(text(power, "power_draw"));
            if (draw == null) {
                draw = Values.number(text(power, "instant_power_draw"));
            }
            if (draw == null) {
                draw = Values.number(text(power, "average_power_draw"));
            }
            limit = Values.number(text(power, "enforced_power_limit"));
            if (limit == null) {
                limit = Values.number(text(power, "current_power_limit"));
            }
            if (limit == null) {
                limit = Values.number(text(power, "power_limit"));
            }
        }
        return new GpuReadings(Values.integer(text(gpu, "temperature/gpu_temp")),
                Values.integer(text(gpu, "temperature/gpu_temp_slow_threshold")), draw, limit,
                Values.integer(text(gpu, "utilization/gpu_util")),
                Values.wholeNumber(text(gpu, "fb_memory_usage/used")));
    }

    private static String text(Element parent, String path) {
        Element current = parent;
        for (String name : path.split("/")) {
            current = child(current, name);
            if (current == null) {
                return null;
            }
        }
        return current.getTextContent();
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && (name == null || element.getTagName().equals(name))) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && (name == null || element.getTagName().equals(name))) {
                result.add(element);
            }
        }
        return result;
    }
}
