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

package dev.hmr.sample;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A server-rendered Thymeleaf page. HMR injects its client into every HTML response and
 * watches the {@code templates} folder, so saving {@code templates/hello.html} updates
 * the open page in place. Nothing here knows about HMR: the controller works the same
 * with it off.
 */
@Controller
class HelloController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	@GetMapping("/hello")
	String hello(@RequestParam(defaultValue = "Spring") String name, Model model) {
		model.addAttribute("name", name);
		// Shows that a template edit re-renders on the server: the time changes on each
		// update
		model.addAttribute("renderedAt", LocalTime.now().format(TIME));
		return "hello";
	}

}
