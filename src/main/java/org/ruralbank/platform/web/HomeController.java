package org.ruralbank.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The way in: the root goes to the home page (the cockpit's), and the login page. */
@Controller
class HomeController {

    @GetMapping("/")
    String root() {
        return "redirect:/home";
    }

    @GetMapping("/login")
    String login() {
        return "platform/login";
    }
}
