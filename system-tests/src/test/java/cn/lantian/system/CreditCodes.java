package cn.lantian.system;

import java.util.concurrent.ThreadLocalRandom;

/** Makes valid unified social credit codes (GB 32100-2015) for enterprises the scenarios register. */
final class CreditCodes {

    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {}

    static String random() {
        StringBuilder code = new StringBuilder("91653101");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (code.length() < 17) {
            code.append(CHARS.charAt(random.nextInt(10)));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARS.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return code.append(CHARS.charAt((31 - sum % 31) % 31)).toString();
    }
}
