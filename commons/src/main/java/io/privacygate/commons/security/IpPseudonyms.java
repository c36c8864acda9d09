package io.privacygate.commons.security;

import io.netty.util.NetUtil;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An IP address is kept (consent evidence) or reported (denied requests) only as a keyed pseudonym
 * (Art. 4(5), Art. 25(1)): the same address gives the same pseudonym, so it can be matched against an address
 * presented later, but it cannot be read back or found by enumerating addresses without the key.
 */
public final class IpPseudonyms {
    private static final String PREFIX = "hmac-sha256:";
    private static final int DIGEST_BYTES = 16;
    private static final int IPV4_MAPPED_PREFIX = 12;

    private IpPseudonyms() {
    }

    /** The pseudonym of an IPv4 or IPv6 literal, or empty if {@code ip} is not one (host names are refused). */
    public static Optional<String> pseudonymise(byte[] key, String ip) {
        return canonical(ip).map(address -> PREFIX + HexFormat.of().formatHex(hmac(key, address), 0, DIGEST_BYTES));
    }

    /** The address bytes, with IPv4-mapped IPv6 addresses as their IPv4 form so that both spellings agree. */
    static Optional<byte[]> canonical(String ip) {
        if (ip == null) {
            return Optional.empty();
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(ip.trim());
        if (bytes == null) {
            return Optional.empty();
        }
        if (bytes.length == 16 && isIpv4Mapped(bytes)) {
            return Optional.of(Arrays.copyOfRange(bytes, IPV4_MAPPED_PREFIX, 16));
        }
        return Optional.of(bytes);
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static byte[] hmac(byte[] key, byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
