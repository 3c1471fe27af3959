package dev.hmr.playground;

/**
 * {@link AcceptDepsBrowserIntegrationTests} with the application under a servlet context path:
 * the accepting importer gets the new modules of its deps, re-imported under the context path.
 */
@PlaygroundBrowserIntegrationTests.UnderContextPath
class AcceptDepsUnderContextPathBrowserIntegrationTests extends AcceptDepsBrowserIntegrationTests {

}
