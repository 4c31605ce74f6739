package cn.lantian.stationary.registry;

/** What a caller sends to create or change an enterprise. */
public record EnterpriseInput(String id, String creditCode, String name, String industry, String grade,
        String ultraLow, Double lon, Double lat) {
}
