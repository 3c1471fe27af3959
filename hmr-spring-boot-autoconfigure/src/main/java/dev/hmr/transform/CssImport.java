package dev.hmr.transform;

/**
 * An {@code @import} rule found by {@link CssImportLexer}.
 *
 * @param url the imported URL, its CSS escapes decoded ({@code my\ file.css} is
 * {@code my file.css})
 * @param start offset of the URL's first character (after the quote or {@code url(})
 * @param end offset just after the URL's last character (before the closing quote or
 * parenthesis)
 * @param ruleStart offset of the {@code @}
 * @param ruleEnd offset just after the rule's {@code ;} (the end of the text if there is
 * none)
 * @since 0.1.0
 */
public record CssImport(String url, int start, int end, int ruleStart, int ruleEnd) {

}
