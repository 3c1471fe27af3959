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

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A Thymeleaf page with a form, a layout and a fragment: saving any of the three
 * templates updates the open page in place (no reload), keeping what was typed in the
 * form. Nothing here knows about HMR.
 */
@Controller
class SignupController {

	@GetMapping("/signup")
	String form() {
		return "signup";
	}

	@PostMapping("/signup")
	String signUp(@RequestParam String name, Model model) {
		model.addAttribute("signedUp", name);
		return "signup";
	}

}
