package cn.lantian.gateway.me;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/me}: the portal and agency systems ask who the platform takes them for. */
@RestController
class MeController {

    private final Jurisdictions jurisdictions;

    MeController(Jurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    /** The caller of a valid token: user, agency roles, level and jurisdiction with its names. */
    @GetMapping("/api/me")
    Mono<Me> me() {
        return Callers.current().map(caller -> Me.of(caller, jurisdictions));
    }
}
