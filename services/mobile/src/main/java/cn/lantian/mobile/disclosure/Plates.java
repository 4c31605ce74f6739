package cn.lantian.mobile.disclosure;

/** Masks plates for the public: the province and issuing-office letters and the last character stay. */
final class Plates {

    private Plates() {}

    /** {@code 新Q·A1234} becomes {@code 新Q·****4}. */
    static String mask(String plate) {
        if (plate == null || plate.length() < 4) {
            return "***";
        }
        StringBuilder b = new StringBuilder(plate.substring(0, 2));
        for (int i = 2; i < plate.length() - 1; i++) {
            char c = plate.charAt(i);
            b.append(c == '·' || c == '.' ? c : '*');
        }
        return b.append(plate.charAt(plate.length() - 1)).toString();
    }

    /** The text with each of the plates masked. */
    static String maskIn(String text, Iterable<String> plates) {
        String masked = text;
        for (String p : plates) {
            masked = masked.replace(p, mask(p));
        }
        return masked;
    }
}
