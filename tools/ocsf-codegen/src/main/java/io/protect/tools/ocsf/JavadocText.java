package io.protect.tools.ocsf;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns schema captions and HTML descriptions into short, safe Javadoc text. */
final class JavadocText {

    private static final Pattern BREAK = Pattern.compile("(?i)<\\s*(br|/?p|/?li|/?ul|/?ol|/?div)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    /** A sentence ends at a full stop followed by a space and an upper-case letter or digit. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\be\\.g|\\bi\\.e|\\betc|\\bvs)\\.(?=\\s+[A-Z0-9(\"])");

    private JavadocText() {}

    /** Returns "Caption: first sentence of the description." escaped for a Javadoc comment. */
    static String summary(String caption, String description) {
        String first = firstSentence(description);
        String text = first.isEmpty() ? caption : caption + ": " + first;
        return escape(text);
    }

    /** The first sentence of an HTML description as plain text (empty if none). */
    static String firstSentence(String html) {
        if (html == null) {
            return "";
        }
        String stripped = TAG.matcher(BREAK.matcher(html).replaceAll(" ")).replaceAll("");
        String text = SPACE.matcher(unescapeEntities(stripped)).replaceAll(" ").trim();
        Matcher m = SENTENCE_END.matcher(text);
        if (m.find()) {
            text = text.substring(0, m.end());
        }
        return text;
    }

    private static String unescapeEntities(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&apos;", "'").replace("&nbsp;", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /**
     * Escapes text so it can neither end the comment, start a Javadoc tag, form HTML, nor be read by
     * javac as a unicode escape (which javac processes even inside comments).
     */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
                .replace("*/", "*&#47;").replace("\\", "&#92;");
    }
}
