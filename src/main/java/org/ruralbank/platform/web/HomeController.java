package org.ruralbank.platform.web;

import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.StaffUsers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final Orgs orgs;
    private final StaffUsers users;

    HomeController(Orgs orgs, StaffUsers users) {
        this.orgs = orgs;
        this.users = users;
    }

    @GetMapping("/")
    String root() {
        return "redirect:/home";
    }

    @GetMapping("/home")
    String home(Model model) {
        OrgScope scope = CurrentStaff.get().scope();
        model.addAttribute("orgCount", orgs.list(scope).size());
        model.addAttribute("userCount", users.search(scope, null, 1, 1).total());
        return "platform/home";
    }

    @GetMapping("/login")
    String login() {
        return "platform/login";
    }
}
