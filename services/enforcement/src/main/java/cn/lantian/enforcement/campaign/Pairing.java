package cn.lantian.enforcement.campaign;

/** An inspecting team (named by its unit) sent into a unit it does not govern. */
public record Pairing(String team, String target) {
}
