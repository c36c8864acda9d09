package io.privacygate.audit.service.append;

import java.util.regex.Pattern;

/**
 * What looks like an e-mail address or a phone number. The log is immutable, so personal data that got in
 * could never be erased (Art. 17): events must refer to subjects and people by pseudonymous ids only, and
 * anything resembling a direct identifier is refused before it is hashed. The rules err on the side of
 * refusing, but must never refuse a UUID, an ISO-8601 date or time, or a plain count, since those are what
 * events legitimately carry.
 */
final class PersonalDataPatterns {
    /** local@domain.tld anywhere in a value. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@(?:[^\\s@.]+\\.)+\\p{L}{2,}");
    /**
     * A number in international form anywhere in a value: {@code +} or {@code 00}, a country code, then 7 to 15
     * digits in all, optionally grouped by spaces, dots, slashes, dashes or parentheses. It must stand alone: not
     * preceded by a letter, digit, dot or dash, nor followed by a letter, digit or dash, which keeps UUID groups
     * such as {@code -0049-} out.
     */
    private static final Pattern INTERNATIONAL_PHONE = Pattern.compile(
            "(?<![\\w.+\\-])(?:\\+|00)[1-9](?:[ ./()\\-]{0,2}\\d){6,14}(?![\\w\\-])");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");
    private static final String SEPARATORS = " ./()-";

    private PersonalDataPatterns() {
    }

    /**
     * For any field: an e-mail address or a phone number, anywhere in the value. Each check first looks for
     * the character it needs, so that the regular expressions run only on candidates: every value of every
     * event passes here.
     */
    static boolean looksPersonal(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        return (value.indexOf('@') >= 0 && EMAIL.matcher(value).find())
                || (mayHoldInternationalNumber(value) && INTERNATIONAL_PHONE.matcher(value).find())
                || isNationalPhone(value.strip());
    }

    /** For the fields that name a subject or an actor, also a bare number of seven digits or more. */
    static boolean looksLikeDirectIdentifier(String value) {
        return looksPersonal(value) || (value != null && isBareNumber(value.strip()));
    }

    /** Whether {@link #INTERNATIONAL_PHONE} can match: a free-standing {@code +} or {@code 00} before a digit 1-9. */
    private static boolean mayHoldInternationalNumber(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int prefix = c == '+' ? 1 : c == '0' && i + 1 < value.length() && value.charAt(i + 1) == '0' ? 2 : 0;
            if (prefix > 0 && i + prefix < value.length() && value.charAt(i + prefix) >= '1' && value.charAt(i + prefix) <= '9'
                    && (i == 0 || !isWordOrJoiner(value.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** The characters of the pattern's look-behind: {@code \\w} (ASCII, as in java.util.regex) and {@code . + -}. */
    private static boolean isWordOrJoiner(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '+' || c == '-';
    }

    /**
     * A whole value written like a national number: digits and separators only, with at least one separator and
     * 7 to 15 digits, and neither an ISO-8601 date nor a decimal number.
     */
    private static boolean isNationalPhone(String value) {
        int digits = 0;
        boolean separated = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (SEPARATORS.indexOf(c) >= 0) {
                separated = true;
            } else {
                return false;
            }
        }
        return separated && digits >= 7 && digits <= 15
                && !ISO_DATE.matcher(value).matches() && !DECIMAL.matcher(value).matches();
    }

    private static boolean isBareNumber(String value) {
        int start = value.startsWith("+") ? 1 : 0;
        if (value.length() - start < 7) {
            return false;
        }
        for (int i = start; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
