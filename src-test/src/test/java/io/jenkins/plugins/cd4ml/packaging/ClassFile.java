package io.jenkins.plugins.cd4ml.packaging;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of the JVM class file format (JVMS §4) to check a plugin without loading it: the
 * class file version, every class the constant pool refers to, and each method's annotations and
 * recorded parameter names ({@code MethodParameters}, written by {@code javac -parameters}).
 *
 * @param name the class's internal name, e.g. {@code io/jenkins/plugins/cd4ml/steps/Cd4mlInfoStep}
 * @param majorVersion 61 for Java 17, 65 for Java 21
 * @param referencedTypes internal names of every class named in the constant pool or in a descriptor
 * @param methods the declared methods and constructors
 * @param annotations descriptors of the class's own annotations
 */
record ClassFile(String name, int majorVersion, Set<String> referencedTypes, List<Method> methods,
        Set<String> annotations) {
    /** Class file major version of Java 17. */
    static final int JAVA_17 = 61;

    private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([\\w$/]+)[;<]");

    /**
     * @param name method name ({@code <init>} for constructors)
     * @param descriptor e.g. {@code (Ljava/lang/String;I)V}
     * @param annotations descriptors of its annotations, e.g. {@code Lorg/kohsuke/stapler/DataBoundConstructor;}
     * @param parameterNames names from {@code MethodParameters}; {@code null} when the attribute is absent
     */
    record Method(String name, String descriptor, Set<String> annotations, List<String> parameterNames) {
        int parameterCount() {
            int count = 0;
            int i = 1;
            while (descriptor.charAt(i) != ')') {
                char c = descriptor.charAt(i);
                if (c == '[') {
                    i++;
                    continue;
                }
                i = c == 'L' ? descriptor.indexOf(';', i) + 1 : i + 1;
                count++;
            }
            return count;
        }
    }

    static ClassFile parse(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor
        int major = in.readUnsignedShort();
        Object[] pool = readConstantPool(in);
        Set<String> types = new TreeSet<>();
        for (Object entry : pool) {
            if (entry instanceof ClassRef ref) {
                String n = (String) pool[ref.nameIndex];
                if (n.startsWith("[")) {
                    addDescriptorTypes(n, types);
                } else {
                    types.add(n);
                }
            } else if (entry instanceof String utf8) {
                addDescriptorTypes(utf8, types);
            }
        }
        in.readUnsignedShort(); // access flags
        String name = (String) pool[((ClassRef) pool[in.readUnsignedShort()]).nameIndex];
        in.readUnsignedShort(); // super class
        int interfaces = in.readUnsignedShort();
        in.skipBytes(2 * interfaces);
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            in.skipBytes(6);
            skipAttributes(in);
        }
        int methodCount = in.readUnsignedShort();
        List<Method> methods = new ArrayList<>();
        for (int i = 0; i < methodCount; i++) {
            in.readUnsignedShort(); // access
            String methodName = (String) pool[in.readUnsignedShort()];
            String descriptor = (String) pool[in.readUnsignedShort()];
            Set<String> annotations = new TreeSet<>();
            List<String> parameterNames = null;
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = (String) pool[in.readUnsignedShort()];
                int length = in.readInt();
                if (attribute.equals("RuntimeVisibleAnnotations") || attribute.equals("RuntimeInvisibleAnnotations")) {
                    int count = in.readUnsignedShort();
                    for (int k = 0; k < count; k++) {
                        annotations.add(readAnnotation(in, pool));
                    }
                } else if (attribute.equals("MethodParameters")) {
                    int count = in.readUnsignedByte();
                    parameterNames = new ArrayList<>();
                    for (int k = 0; k < count; k++) {
                        int nameIndex = in.readUnsignedShort();
                        in.readUnsignedShort(); // flags
                        parameterNames.add(nameIndex == 0 ? null : (String) pool[nameIndex]);
                    }
                } else {
                    in.skipBytes(length);
                }
            }
            methods.add(new Method(methodName, descriptor, annotations, parameterNames));
        }
        Set<String> classAnnotations = new TreeSet<>();
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            String attribute = (String) pool[in.readUnsignedShort()];
            int length = in.readInt();
            if (attribute.equals("RuntimeVisibleAnnotations") || attribute.equals("RuntimeInvisibleAnnotations")) {
                int count = in.readUnsignedShort();
                for (int k = 0; k < count; k++) {
                    classAnnotations.add(readAnnotation(in, pool));
                }
            } else {
                in.skipBytes(length);
            }
        }
        return new ClassFile(name, major, types, methods, classAnnotations);
    }

    private record ClassRef(int nameIndex) {
    }

    private static Object[] readConstantPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        Object[] pool = new Object[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> pool[i] = in.readUTF();
                case 7 -> pool[i] = new ClassRef(in.readUnsignedShort());
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++; // long and double take two slots
                }
                case 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return pool;
    }

    private static void addDescriptorTypes(String text, Set<String> types) {
        Matcher m = TYPE_IN_DESCRIPTOR.matcher(text);
        while (m.find()) {
            types.add(m.group(1));
        }
    }

    private static String readAnnotation(DataInputStream in, Object[] pool) throws IOException {
        String type = (String) pool[in.readUnsignedShort()];
        int pairs = in.readUnsignedShort();
        for (int i = 0; i < pairs; i++) {
            in.readUnsignedShort();
            skipElementValue(in, pool);
        }
        return type;
    }

    private static void skipElementValue(DataInputStream in, Object[] pool) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case 'e' -> in.skipBytes(4);
            case '@' -> readAnnotation(in, pool);
            case '[' -> {
                int n = in.readUnsignedShort();
                for (int i = 0; i < n; i++) {
                    skipElementValue(in, pool);
                }
            }
            default -> in.skipBytes(2); // constants and class literals
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.skipBytes(2);
            in.skipBytes(in.readInt());
        }
    }
}
