package org.ruralbank.platform.web;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Version, build, data folder and the databases in use. */
@Controller
class AboutController {

    private final ObjectProvider<BuildProperties> build;
    private final DataSource dataSource;
    private final Environment env;

    AboutController(ObjectProvider<BuildProperties> build, DataSource dataSource, Environment env) {
        this.build = build;
        this.dataSource = dataSource;
        this.env = env;
    }

    @GetMapping("/about")
    String about(Model model) throws SQLException {
        BuildProperties b = build.getIfAvailable();
        model.addAttribute("version", b == null ? "development" : b.getVersion());
        model.addAttribute("buildTime", b == null ? null : b.getTime());
        model.addAttribute("home", env.getProperty("ruralbank.home", "./data"));
        try (Connection c = dataSource.getConnection()) {
            var meta = c.getMetaData();
            model.addAttribute(
                    "operationalStore", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
            // the URL without credentials (none are ever in it) tells which database file or server is used
            model.addAttribute("operationalUrl", meta.getURL());
        }
        model.addAttribute("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        return "platform/about";
    }
}
