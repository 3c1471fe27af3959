package dev.hmr.playground;

/**
 * {@link SelfAcceptBrowserIntegrationTests} with the application under a servlet context path:
 * a self-accepting module re-imported under the context path keeps its state.
 */
@PlaygroundBrowserIntegrationTests.UnderContextPath
class SelfAcceptUnderContextPathBrowserIntegrationTests extends SelfAcceptBrowserIntegrationTests {

}
