package com.disclosuredesk.transparency;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public transparency page (static/transparency/index.html) at {@code /transparency}, no sign-in. */
@Controller
public class TransparencyPageController {

    @GetMapping({"/transparency", "/transparency/"})
    public String page() {
        return "forward:/transparency/index.html";
    }
}
