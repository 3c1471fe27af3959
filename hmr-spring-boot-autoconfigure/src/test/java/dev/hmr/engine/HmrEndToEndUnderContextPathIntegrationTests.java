package dev.hmr.engine;

import dev.hmr.testsupport.TestProject;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Every test of {@link HmrEndToEndIntegrationTests} with the application under
 * {@code server.servlet.context-path}: pages, modules, the client and the socket are
 * requested under it, while module URLs in the graph and on the wire stay without it, as
 * Vite's are without its {@code base}.
 */
@SpringBootTest(classes = HmrEndToEndIntegrationTests.TestApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hmr.enabled=true", "hmr.watch.roots=${test.roots.app}",
				"server.servlet.context-path=" + HmrEndToEndUnderContextPathIntegrationTests.CONTEXT_PATH })
class HmrEndToEndUnderContextPathIntegrationTests extends HmrEndToEndIntegrationTests {

	static final String CONTEXT_PATH = "/app";

	@Override
	String contextPath() {
		return CONTEXT_PATH;
	}

	@Override
	TestProject project() {
		return appProject;
	}

}
