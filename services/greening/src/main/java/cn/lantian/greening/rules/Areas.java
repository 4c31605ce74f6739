package cn.lantian.greening.rules;

/**
 * An area in both units the public and the forestry agency use.
 *
 * @param hectares hectares (公顷)
 * @param mu mu (亩)
 */
public record Areas(double hectares, double mu) {

    /** Rounded for display: hectares to 4 places, mu to 2. */
    public static Areas of(double hectares, Rules rules) {
        return new Areas(Math.round(hectares * 10_000) / 10_000.0, Math.round(rules.mu(hectares) * 100) / 100.0);
    }
}
