package io.privacygate.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service builds a JVM and a native image whose pods can pass the rules the manifests enforce: a pinned
 * base image (never {@code :latest}, nor none), a numeric non-root user (runAsNonRoot can only check a number),
 * and the port its Service targets.
 */
class DockerfilesTest {
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");
    private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\S+)");
    private static final List<String> SERVICES = List.of("consent-service:8081", "ingestion-service:8082",
            "dsr-service:8083", "audit-service:8084");

    static Stream<Arguments> dockerfiles() {
        return SERVICES.stream().flatMap(entry -> {
            String service = entry.substring(0, entry.indexOf(':'));
            String port = entry.substring(entry.indexOf(':') + 1);
            Path docker = Kustomize.deployDir().getParent().resolve(service).resolve("src/main/docker");
            return Stream.of(Arguments.of(docker.resolve("Dockerfile.jvm"), port),
                    Arguments.of(docker.resolve("Dockerfile.native-micro"), port));
        });
    }

    @ParameterizedTest
    @MethodSource("dockerfiles")
    void pinsItsBaseImageRunsAsANumericNonRootUserAndExposesTheServicePort(Path dockerfile, String port) throws IOException {
        assertThat(dockerfile).exists();
        String text = Files.readString(dockerfile);

        Matcher from = FROM.matcher(text);
        assertThat(from.find()).as("a FROM line in %s", dockerfile).isTrue();
        String image = from.group(1);
        assertThat(image).as("base image of %s", dockerfile).matches(".+:[\\w][\\w.-]*").doesNotEndWith(":latest");

        Matcher user = USER.matcher(text);
        assertThat(user.find()).as("a USER line in %s", dockerfile).isTrue();
        assertThat(user.group(1)).as("user of %s", dockerfile).matches("[1-9]\\d*");

        assertThat(text).contains("EXPOSE " + port);
    }
}
