package io.privacygate.testing.vault;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * ACL policies as Vault writes them in HCL: {@code path "<path>" { capabilities = [...] }}, a path being exact, ending
 * in {@code *} (a prefix) or holding {@code +} (one segment). A request needs the capability of its method (read for
 * GET, create or update for POST and PUT, delete for DELETE) on its path in one of its token's policies; {@code deny}
 * wins. Unlike Vault, which takes the most specific matching path, the emulator takes the union of all matching
 * paths. A rule may list {@code allowed_parameters = { "name" = [] }}: a request to its path may then set only those
 * parameters (any value; the emulator does not check listed values). {@code root} may do everything; {@code default} may look up and renew its own token, as Vault's default
 * policy allows.
 */
final class Policies {
    private static final Pattern RULE = Pattern.compile(
            "path\\s+\"([^\"]+)\"\\s*\\{((?:[^{}]|\\{[^{}]*})*)}", Pattern.DOTALL);
    private static final Pattern CAPABILITIES = Pattern.compile("capabilities\\s*=\\s*\\[([^]]*)]");
    private static final Pattern ALLOWED_PARAMETERS = Pattern.compile("allowed_parameters\\s*=\\s*\\{([^}]*)}");
    private static final Pattern PARAMETER = Pattern.compile("\"([^\"]+)\"\\s*=");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private final Map<String, List<Rule>> policies = new ConcurrentHashMap<>();

    /** {@code allowedParameters} null: any parameter. */
    private record Rule(Pattern path, Set<String> capabilities, Set<String> allowedParameters) {
        boolean permits(Set<String> needed, Set<String> parameters) {
            return capabilities.stream().anyMatch(needed::contains)
                    && (allowedParameters == null || allowedParameters.containsAll(parameters));
        }
    }

    Policies() {
        write("default", """
                path "auth/token/lookup-self" { capabilities = ["read"] }
                path "auth/token/renew-self" { capabilities = ["update"] }
                path "auth/token/revoke-self" { capabilities = ["update"] }
                """);
    }

    /** {@code POST sys/policies/acl/:name}: the policy's rules, replacing any of that name. */
    void write(String name, String hcl) {
        String withoutComments = Arrays.stream(hcl.split("\n"))
                .filter(line -> !line.strip().startsWith("#"))
                .collect(Collectors.joining("\n"));
        Matcher rules = RULE.matcher(withoutComments);
        List<Rule> parsed = new java.util.ArrayList<>();
        while (rules.find()) {
            Matcher capabilities = CAPABILITIES.matcher(rules.group(2));
            if (!capabilities.find()) {
                throw new IllegalArgumentException("A path rule of the policy " + name + " has no capabilities");
            }
            Matcher allowed = ALLOWED_PARAMETERS.matcher(rules.group(2));
            parsed.add(new Rule(glob(rules.group(1)), quoted(QUOTED, capabilities.group(1)),
                    allowed.find() ? quoted(PARAMETER, allowed.group(1)) : null));
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("The policy " + name + " has no path rule");
        }
        policies.put(name, List.copyOf(parsed));
    }

    private static Set<String> quoted(Pattern pattern, String text) {
        return pattern.matcher(text).results().map(match -> match.group(1)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether a token with {@code tokenPolicies} may call {@code method} on {@code path} (without {@code /v1/}),
     * setting {@code parameters}.
     */
    boolean allows(List<String> tokenPolicies, String method, String path, Set<String> parameters) {
        if (tokenPolicies.contains("root")) {
            return true;
        }
        Set<String> needed = switch (method) {
            case "GET", "HEAD" -> Set.of("read");
            case "DELETE" -> Set.of("delete");
            case "LIST" -> Set.of("list");
            default -> Set.of("create", "update");
        };
        List<Rule> matching = tokenPolicies.stream()
                .flatMap(policy -> policies.getOrDefault(policy, List.of()).stream())
                .filter(rule -> rule.path().matcher(path).matches())
                .toList();
        return matching.stream().noneMatch(rule -> rule.capabilities().contains("deny"))
                && matching.stream().anyMatch(rule -> rule.permits(needed, parameters));
    }

    private static Pattern glob(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        boolean prefix = trimmed.endsWith("*");
        String body = prefix ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        String regex = Arrays.stream(body.split("\\+", -1)).map(Pattern::quote).collect(Collectors.joining("[^/]+"));
        return Pattern.compile(regex + (prefix ? ".*" : ""));
    }
}
