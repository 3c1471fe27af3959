package dev.hmr.playground;

/**
 * {@link CssBrowserIntegrationTests} with the application under a servlet context path:
 * the {@code <link>} swapped for one under it, the {@code <style>} of CSS imported from
 * JavaScript updated in place.
 */
@PlaygroundBrowserIntegrationTests.UnderContextPath
class CssUnderContextPathBrowserIntegrationTests extends CssBrowserIntegrationTests {

}
