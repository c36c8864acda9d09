package io.privacygate.audit.service;

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
    /** A whole value written like a national number: digits and separators only, at least one separator. */
    private static final Pattern NATIONAL_PHONE = Pattern.compile("\\(?\\d[\\d ./()\\-]*[ ./()\\-][\\d ./()\\-]*\\d");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");
    /** In an identifier field, bare digits can only be a phone number or a platform's user id. */
    private static final Pattern BARE_NUMBER = Pattern.compile("\\+?\\d{7,}");

    private PersonalDataPatterns() {
    }

    /** For any field: an e-mail address or a phone number, anywhere in the value. */
    static boolean looksPersonal(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        return EMAIL.matcher(value).find() || INTERNATIONAL_PHONE.matcher(value).find() || isNationalPhone(value.strip());
    }

    /** For the fields that name a subject or an actor, also a bare number of seven digits or more. */
    static boolean looksLikeDirectIdentifier(String value) {
        return looksPersonal(value) || (value != null && BARE_NUMBER.matcher(value.strip()).matches());
    }

    private static boolean isNationalPhone(String value) {
        if (!NATIONAL_PHONE.matcher(value).matches() || ISO_DATE.matcher(value).matches() || DECIMAL.matcher(value).matches()) {
            return false;
        }
        long digits = value.chars().filter(Character::isDigit).count();
        return digits >= 7 && digits <= 15;
    }
}
