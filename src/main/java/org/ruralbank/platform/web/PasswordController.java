package org.ruralbank.platform.web;

import jakarta.servlet.http.HttpSession;
import org.ruralbank.platform.CurrentStaff;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.StaffUsers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The user's own password: forced after a one-time password, and available from the user menu at any time. */
@Controller
class PasswordController {

    private final StaffUsers users;

    PasswordController(StaffUsers users) {
        this.users = users;
    }

    @GetMapping("/password")
    String form(HttpSession session, Model model) {
        model.addAttribute("forced", session.getAttribute(StaffUsers.ONE_TIME_PASSWORD_ATTRIBUTE) != null);
        return "platform/password";
    }

    @PostMapping("/password")
    String change(
            @RequestParam(required = false) String current,
            @RequestParam(required = false) String next,
            @RequestParam(required = false) String repeat,
            HttpSession session,
            Model model) {
        try {
            users.changeOwnPassword(CurrentStaff.get().username(), current, next, repeat);
        } catch (Rejected r) {
            model.addAttribute("error", r);
            return form(session, model);
        }
        session.removeAttribute(StaffUsers.ONE_TIME_PASSWORD_ATTRIBUTE);
        return "redirect:/home?passwordChanged";
    }
}
