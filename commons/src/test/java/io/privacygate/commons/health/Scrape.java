package io.privacygate.commons.health;

import static io.restassured.RestAssured.given;

/** Reads one sample of {@code /q/metrics}, in Prometheus' text form, as an operator's scraper sees it. */
public final class Scrape {
    private Scrape() {
    }

    /** The value of the sample whose line starts with {@code series} (name and labels), or -1 when there is none. */
    public static double value(String series) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst().orElse(-1);
    }
}
