package io.privacygate.testing;

import java.util.HexFormat;
import java.util.List;

/**
 * Known answers from the Certificate Transparency reference tests for RFC 6962 / RFC 9162 Merkle trees: eight leaves,
 * the roots of the trees of their first 1..8 leaves, and inclusion paths and consistency proofs among them. One copy
 * for every test of a proof builder or a verifier.
 */
public final class MerkleVectors {
    /** The leaf data, hex: "", 00, 10, 2021, 3031, 40414243, 5051525354555657, 606162636465666768696a6b6c6d6e6f. */
    public static final List<String> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");
    /** The root of the tree of the first {@code n} leaves is {@code ROOTS.get(n - 1)}. */
    public static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    /** SHA-256 of nothing, the root of the empty tree. */
    public static final String EMPTY_ROOT = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** The audit path of the leaf at {@code index} in the tree of {@code size} leaves. */
    public record Inclusion(long index, long size, List<String> path) {
    }

    /** The proof that the tree of {@code first} leaves is a prefix of the tree of {@code second} leaves. */
    public record Consistency(long first, long second, List<String> proof) {
    }

    public static final List<Inclusion> INCLUSIONS = List.of(
            new Inclusion(0, 8, List.of(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Inclusion(5, 8, List.of(
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Inclusion(2, 3, List.of(
                    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new Inclusion(1, 5, List.of(
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new Inclusion(0, 1, List.of()));

    public static final List<Consistency> CONSISTENCIES = List.of(
            new Consistency(1, 1, List.of()),
            new Consistency(1, 8, List.of(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Consistency(6, 8, List.of(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Consistency(2, 5, List.of(
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

    private MerkleVectors() {
    }

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    public static List<byte[]> bytes(List<String> hex) {
        return hex.stream().map(MerkleVectors::bytes).toList();
    }

    /** The root of the tree of the first {@code size} leaves. */
    public static byte[] root(long size) {
        return bytes(ROOTS.get((int) size - 1));
    }

    /** The data of the leaf at {@code index}. */
    public static byte[] leaf(long index) {
        return bytes(LEAVES.get((int) index));
    }
}
