package dev.hmr.playground;

import org.junit.jupiter.api.extension.ExtendWith;

import dev.hmr.browser.Browser;
import dev.hmr.browser.BrowserExtension;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the browser scenarios: the real application on a random port, whose watched and
 * served roots are one {@link Playground} copied once for all scenario classes (so they
 * share one Spring context), and a real headless Chromium per class.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hmr.enabled=true",
		classes = PlaygroundBrowserIntegrationTests.PlaygroundApplication.class)
@ExtendWith(BrowserExtension.class)
abstract class PlaygroundBrowserIntegrationTests {

	// created before any application context starts: see Playground
	static final Playground playground = Playground.copy();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void roots(DynamicPropertyRegistry registry) {
		registry.add("hmr.watch.roots", playground::roots);
	}

	/**
	 * Open a page of the playground and wait until its client is connected.
	 * @param browser the browser
	 * @param path such as {@code /self-accept/index.html}
	 */
	void open(Browser browser, String path) {
		browser.open("http://localhost:" + this.port + path);
		browser.awaitConsole("[vite] connected.");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class PlaygroundApplication {

	}

}
