package io.protect.tools.ocsf;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** Maps OCSF snake_case names and captions to legal, keyword-safe Java identifiers. */
final class Names {

    /** Java keywords and literals, plus names a record component may not take (JLS 8.10.1). */
    static final Set<String> RESERVED = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "_", "var", "yield", "record", "sealed", "permits",
            "clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait",
            // generated members of every record
            "builder", "toBuilder");

    private Names() {}

    /** {@code detection_finding} to {@code DetectionFinding}; a leading underscore is dropped. */
    static String pascal(String snake) {
        StringBuilder sb = new StringBuilder();
        for (String part : snake.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        if (sb.length() == 0 || !Character.isJavaIdentifierStart(sb.charAt(0))) {
            sb.insert(0, 'X');
        }
        return sb.toString();
    }

    /** {@code src_endpoint} to {@code srcEndpoint}; keywords get a trailing underscore ({@code package_}). */
    static String camel(String snake) {
        String p = pascal(snake);
        String c = Character.toLowerCase(p.charAt(0)) + p.substring(1);
        return RESERVED.contains(c) ? c + "_" : c;
    }

    /** An enum constant name from a caption: {@code "Read/Write"} to {@code READ_WRITE}. */
    static String constant(String caption) {
        String ascii = Normalizer.normalize(caption, Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "");
        String c = ascii.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (c.isEmpty()) {
            return "VALUE";
        }
        return Character.isDigit(c.charAt(0)) ? "V_" + c : c;
    }
}
