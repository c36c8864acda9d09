package io.privacygate.ingestion.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "X's CRC answered: sha256= and the base64 HMAC-SHA256 of crc_token under the consumer secret")
public record CrcAnswer(@Schema(example = "sha256=x0mYd8hz2goCTfcNAaMqENy2BFgJJfJOb4PdvTffpwg=") @JsonProperty("response_token") String responseToken) {
}
