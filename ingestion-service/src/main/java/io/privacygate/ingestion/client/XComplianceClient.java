package io.privacygate.ingestion.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacygate.ingestion.config.IngestionConfig;
import io.privacygate.ingestion.config.PlatformsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One X batch compliance job, as X documents it
 * (<a href="https://developer.x.com/en/docs/x-api/compliance/batch-compliance/introduction">Batch compliance</a>,
 * <a href="https://developer.x.com/en/docs/x-api/compliance/batch-compliance/quick-start">quick start</a>): create the job
 * ({@code type} {@code tweets} or {@code users}), upload the ids as a plain text file, one per line, to the job's
 * {@code upload_url} (a signed storage URL that expires after 15 minutes), poll the job until it is {@code complete}, and
 * download its results from {@code download_url}: one JSON object per line,
 * {@code {"id","action":"delete","created_at","redacted_at","reason"}}, for the ids with a compliance event only.
 * <p>
 * The signed upload and download URLs point at X's storage, not at the API, and carry their own authorisation in the
 * query; they get no token, and are called with the JDK's HTTP client (no REST client can take a whole signed URL).
 */
@ApplicationScoped
public class XComplianceClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final XApi api;
    private final PlatformsConfig platforms;
    private final IngestionConfig.Reconciliation config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    XComplianceClient(@RestClient XApi api, PlatformsConfig platforms, IngestionConfig config) {
        this.api = api;
        this.platforms = platforms;
        this.config = config.reconciliation();
    }

    /** One line of a job's results. */
    public record Result(String id, String action, String reason) {
    }

    public boolean configured() {
        return platforms.x().bearerToken().isPresent();
    }

    /**
     * The compliance events X reports for these ids. Fails with {@link XUnavailableException} when X cannot be asked now
     * (no token, a failed or expired job, no result within {@code x-max-polls}); nothing is concluded then.
     */
    public Uni<List<Result>> check(String type, Collection<String> ids) {
        if (platforms.x().bearerToken().isEmpty()) {
            return Uni.createFrom().failure(new XUnavailableException("no bearer token"));
        }
        String authorization = "Bearer " + platforms.x().bearerToken().get();
        return api.create(authorization, new XApi.NewJob(type, "privacy-gate-reconciliation"))
                .map(XApi.JobEnvelope::data)
                .chain(job -> upload(job.uploadUrl(), String.join("\n", ids)).replaceWith(job))
                .chain(job -> completed(authorization, job.id(), config.xMaxPolls()))
                .chain(job -> download(job.downloadUrl()))
                .map(XComplianceClient::results)
                .onFailure(failure -> !(failure instanceof XUnavailableException))
                .transform(failure -> new XUnavailableException(failure.getClass().getSimpleName()));
    }

    private Uni<XApi.Job> completed(String authorization, String jobId, int pollsLeft) {
        return api.get(authorization, jobId).map(XApi.JobEnvelope::data).chain(job -> switch (job.status()) {
            case "complete" -> Uni.createFrom().item(job);
            case "failed", "expired" -> Uni.createFrom().failure(new XUnavailableException("job " + job.status()));
            default -> pollsLeft <= 1
                    ? Uni.createFrom().failure(new XUnavailableException("job not complete in time"))
                    : Uni.createFrom().voidItem().onItem().delayIt().by(config.xPollInterval())
                    .chain(() -> completed(authorization, jobId, pollsLeft - 1));
        });
    }

    private Uni<Void> upload(String url, String ids) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString(ids, StandardCharsets.UTF_8)).build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .invoke(response -> ensureOk(response.statusCode())).replaceWithVoid();
    }

    private Uni<String> download(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).GET().build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)))
                .invoke(response -> ensureOk(response.statusCode())).map(HttpResponse::body);
    }

    private static void ensureOk(int status) {
        if (status / 100 != 2) {
            throw new XUnavailableException("storage answered " + status);
        }
    }

    static List<Result> results(String lines) {
        List<Result> results = new ArrayList<>();
        for (String line : lines.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode result = JSON.readTree(line);
                results.add(new Result(result.path("id").asText(), result.path("action").asText(), result.path("reason").asText()));
            } catch (IOException unreadable) {
                throw new XUnavailableException("unreadable result line");
            }
        }
        return results;
    }
}
