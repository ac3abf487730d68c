package io.rowflow.spring.boot.scanned;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** An application whose package holds its entities, like a {@code @SpringBootApplication} class. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class ScannedApplication {
}
