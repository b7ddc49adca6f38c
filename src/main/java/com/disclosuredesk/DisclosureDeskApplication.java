package com.disclosuredesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class DisclosureDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(DisclosureDeskApplication.class, args);
    }
}
