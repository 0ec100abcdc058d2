package io.residency.auditor;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring context of one run: database, Flyway, the batch job and its stages. The CLI starts it. */
@SpringBootApplication
public class AuditorApplication {

    /**
     * The run's application: no web server, banner or start-up log. Its main class is this one
     * whoever starts it, so that with {@code -Dspring.aot.enabled=true} (bin/residency-auditor) it
     * uses the context initializer the build generated for this class (README "Performance").
     */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(AuditorApplication.class);
        application.setMainApplicationClass(AuditorApplication.class);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application;
    }

    /**
     * For the build's ahead-of-time processing only (spring-boot-maven-plugin {@code process-aot}),
     * which prepares the context through a main method; users run {@link ResidencyAuditor}.
     */
    public static void main(String[] args) {
        application().run(args);
    }
}
