package io.privacygate.commons.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** A resource that exists only in commons' tests, to exercise the shared problem+json mapping. */
@Path("/probe")
public class ProbeResource {

    public record Probe(@NotBlank String name, @Email String email, @Size(max = 2) List<@NotBlank String> tags,
                        List<@Valid Item> items) {
    }

    public record Item(@NotBlank String channel) {
    }

    @POST
    public String accept(@Valid Probe probe) {
        return "ok";
    }

    @POST
    @Path("/form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String form(@FormParam("field") String field) {
        return "ok";
    }

    @POST
    @Path("/fail")
    public String fail(Probe probe) {
        throw new IllegalStateException("boom for " + probe.email());
    }
}
