package dev.hmr.transform;

/**
 * A string literal inside {@code import.meta.hot.accept(…)} (Vite's {@code UrlPosition}),
 * or a name inside {@code import.meta.hot.acceptExports(…)}.
 *
 * @param specifier the text between the quotes, as written (escapes are not decoded,
 * as in Vite)
 * @param start offset of the opening quote
 * @param end offset just after the closing quote, so that {@code [start, end)} is the
 * whole literal to rewrite
 */
record AcceptedDep(String specifier, int start, int end) {

}
