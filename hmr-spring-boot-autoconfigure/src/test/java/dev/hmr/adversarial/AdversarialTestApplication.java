/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.hmr.adversarial;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application the probes run against: a page rendered by a controller (which gets the
 * client) and a JSON endpoint, beside the files of a served root.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(AdversarialTestApplication.PageController.class)
class AdversarialTestApplication {

	@RestController
	static class PageController {

		@GetMapping(path = "/page", produces = MediaType.TEXT_HTML_VALUE)
		String page() {
			return "<!doctype html><html><head><title>app</title></head><body><h1>app page</h1></body></html>";
		}

		@GetMapping(path = "/api/status", produces = MediaType.APPLICATION_JSON_VALUE)
		String status() {
			return "{\"ok\":true}";
		}

	}

}
