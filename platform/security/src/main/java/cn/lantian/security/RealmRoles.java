package cn.lantian.security;

import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reads Keycloak's realm roles ({@code realm_access.roles}) from a token. */
final class RealmRoles {

    private RealmRoles() {}

    static List<String> of(Jwt jwt) {
        Map<String, Object> access = jwt.getClaimAsMap("realm_access");
        if (access == null || !(access.get("roles") instanceof List<?> roles)) {
            return List.of();
        }
        return roles.stream().map(String::valueOf).toList();
    }
}
