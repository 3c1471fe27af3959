package dev.hmr.playground;

/**
 * {@link ReloadBrowserIntegrationTests} with the application under a servlet context path:
 * an edited page reloads, as does a module no one accepts.
 */
@PlaygroundBrowserIntegrationTests.UnderContextPath
class ReloadUnderContextPathBrowserIntegrationTests extends ReloadBrowserIntegrationTests {

}
