package io.privacygate.commons.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.privacygate.commons.problem.ProblemException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brings identifiers to one canonical form so that the blind index finds them however they were typed:
 * e-mail trimmed and lower-cased, phone in E.164, platform ids exactly as the platform gives them.
 */
public final class IdentifierNormalizer {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private IdentifierNormalizer() {
    }

    /** @throws ProblemException (400) naming the field, never echoing the value */
    public static String normalize(IdentifierType type, String value, String field) {
        return switch (type) {
            case EMAIL -> email(value, field);
            case PHONE -> phone(value, field);
            case FACEBOOK, INSTAGRAM, LINKEDIN, X -> platformId(value, field);
        };
    }

    private static String email(String value, String field) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(normalized).matches()) {
            throw ProblemException.invalidField(field, "is not an e-mail address");
        }
        return normalized;
    }

    /** Numbers must carry their country code (+ or 00): guessing a region would link the wrong people. */
    private static String phone(String value, String field) {
        String candidate = value.trim();
        if (candidate.startsWith("00")) {
            candidate = "+" + candidate.substring(2);
        }
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(candidate, "ZZ");
            if (!PHONES.isPossibleNumber(number)) {
                throw ProblemException.invalidField(field, "is not a possible phone number");
            }
            return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw ProblemException.invalidField(field, "is not a phone number in international form (+country code)");
        }
    }

    private static String platformId(String value, String field) {
        if (value.isBlank()) {
            throw ProblemException.invalidField(field, "must not be blank");
        }
        return value;
    }
}
