package dev.hmr.sample;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A server-rendered Thymeleaf page. HMR injects its client into every HTML response and
 * watches the {@code templates} folder, so saving {@code templates/hello.html} reloads
 * the page. Nothing here knows about HMR: the controller works the same with it off.
 */
@Controller
class HelloController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	@GetMapping("/hello")
	String hello(@RequestParam(defaultValue = "Spring") String name, Model model) {
		model.addAttribute("name", name);
		// Shows that a template edit re-renders on the server: the time changes on each reload
		model.addAttribute("renderedAt", LocalTime.now().format(TIME));
		return "hello";
	}

}
