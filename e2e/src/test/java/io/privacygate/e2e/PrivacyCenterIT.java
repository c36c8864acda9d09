package io.privacygate.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The privacy center (issue #10) as a data subject uses it, in Debian's headless Chromium against the real suite:
 * the notices in English and German, a one-time code read from the mail the suite really sent (SMTP sink), the
 * withdrawal of a consent that consent-service's decision API then denies, an ACCESS request that arrives in
 * dsr-service verified by e-mail code and whose package the subject downloads, and the GPC signal shown when the
 * browser sends it. Screenshots of every page go to {@code target/screenshots/privacy-center-*.png}.
 */
@ExtendWith(Suite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivacyCenterIT {
    private static final String CONSENT = "http://127.0.0.1:8081";
    private static final String DSR = "http://127.0.0.1:8083";
    private static final String CENTER = CONSENT + "/privacy";
    private static final Pattern CODE = Pattern.compile("(?:Your code|Ihr Code): (\\d+)");
    private static final String RUN = Long.toString(System.currentTimeMillis());
    private static final String EMAIL = "maria." + RUN + "@example.org";
    private static final String PURPOSE = "pc-newsletter-" + RUN;

    /** The hash of the registered English notice text, computed by consent-service (issue 20). */
    private static String englishTextHash;

    @Test
    @Order(1)
    void theDpoRegistersAPurposeWithItsPlainLanguageNotices() {
        String dpo = Keycloak.user("demo-dpo");
        Map<String, Object> purpose = new HashMap<>(Map.of("key", PURPOSE, "title", "Newsletter " + RUN,
                "legalBasis", "CONSENT",
                "dataCategories", List.of("email", "name"), "retention", "P2Y", "recipients", List.of("Mailer Ltd"),
                "channels", List.of("email", "crm"), "noticeUrl", "https://example.org/notice/" + PURPOSE,
                "noticeVersion", "1", "gpcApplies", true));
        purpose.put("description", "A monthly newsletter about our products.");
        given().auth().oauth2(dpo).contentType(ContentType.JSON).body(purpose).post(CONSENT + "/api/v1/purposes")
                .then().statusCode(201);
        given().auth().oauth2(dpo).contentType(ContentType.JSON)
                .body(Map.of("title", "Our newsletter", "body", "Once a month we e-mail you news about our products. "
                        + "We use your address and name for nothing else."))
                .put(CONSENT + "/api/v1/purposes/" + PURPOSE + "/notices/en").then().statusCode(200);
        given().auth().oauth2(dpo).contentType(ContentType.JSON)
                .body(Map.of("title", "Unser Newsletter", "body", "Einmal im Monat schicken wir Ihnen Neuigkeiten "
                        + "über unsere Produkte. Ihre Adresse und Ihren Namen nutzen wir für nichts anderes."))
                .put(CONSENT + "/api/v1/purposes/" + PURPOSE + "/notices/de").then().statusCode(200);
        // The person signed up on a web form earlier, shown the English text: the consent the privacy center will show.
        // Its hash is the register's, computed from that text (issue 20, Art. 7(1)).
        englishTextHash = given().auth().oauth2(dpo).get(CONSENT + "/api/v1/purposes/" + PURPOSE)
                .then().statusCode(200).extract().path("noticeHashes.en");
        assertThat(englishTextHash).startsWith("sha-256:");
        given().auth().oauth2(Keycloak.service("ingestion-service")).contentType(ContentType.JSON)
                .body(Map.of("identifiers", List.of(Map.of("type", "email", "value", EMAIL)), "purpose", PURPOSE,
                        "state", "GRANTED", "noticeVersion", "1", "noticeLanguage", "en", "noticeHash", englishTextHash,
                        "collectionMethod", "web-form",
                        "evidence", Map.of("source", "https://shop.example.org/signup", "formId", "signup")))
                .post(CONSENT + "/api/v1/consents").then().statusCode(201);
        assertThat(decision().getBoolean("permitted")).isTrue();
    }

    @Test
    @Order(2)
    void aSubjectReadsTheNoticesVerifiesByTheMailedCodeWithdrawsAndFilesAnAccessRequest() throws IOException {
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = browser.driver();
            driver.get(CENTER + "?lang=en");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your privacy");
            WebElement notice = driver.findElement(By.id("notice-" + PURPOSE));
            assertThat(notice.getText()).contains("Our newsletter").contains("your consent (Art. 6(1)(a) GDPR)")
                    .contains("2 years").contains("Mailer Ltd").contains(englishTextHash);
            assertThat(driver.getPageSource()).doesNotContain("<script");
            browser.screenshot("privacy-center-1-notices-en");

            driver.findElement(By.cssSelector("a[hreflang='de']")).click();
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Ihre Privatsphäre");
            assertThat(driver.findElement(By.id("notice-" + PURPOSE)).getText()).contains("Unser Newsletter")
                    .contains("Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)").contains("2 Jahre");
            browser.screenshot("privacy-center-2-notices-de");
            driver.findElement(By.cssSelector("a[hreflang='en']")).click();

            Instant asked = Instant.now();
            driver.findElement(By.id("email")).sendKeys(EMAIL);
            driver.findElement(By.cssSelector("form[action='/privacy/code-request'] button[type=submit]")).click();
            arrivesAt(driver, "/privacy/code");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Check your e-mail");
            assertThat(driver.getPageSource()).doesNotContain(EMAIL);
            browser.screenshot("privacy-center-3-code");

            MailSink.Mail mail = Suite.mail().awaitMailTo(EMAIL, asked, Duration.ofSeconds(60));
            Matcher code = CODE.matcher(mail.body());
            assertThat(code.find()).as("the mail carries a code").isTrue();
            driver.findElement(By.id("code")).sendKeys(code.group(1));
            driver.findElement(By.cssSelector("form[action='/privacy/code'] button[type=submit]")).click();
            arrivesAt(driver, "/privacy/me");
            WebElement choice = driver.findElement(By.id("purpose-" + PURPOSE));
            assertThat(choice.getText()).contains("Your choice: given");
            browser.screenshot("privacy-center-4-choices");
            // Readable on a phone: one column, nothing cut off.
            org.openqa.selenium.Dimension desktop = driver.manage().window().getSize();
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            browser.screenshot("privacy-center-4-choices-phone");
            assertThat((Long) driver.executeScript("return document.documentElement.scrollWidth"))
                    .isLessThanOrEqualTo(390L);
            driver.manage().window().setSize(desktop);

            choice.findElement(By.cssSelector("form[action='/privacy/me/consents'] button[type=submit]")).click();
            arrivesAt(driver, "/privacy/me?saved=");
            assertThat(driver.findElement(By.id("purpose-" + PURPOSE)).getText()).contains("Your choice: withdrawn")
                    .contains("Give consent");
            assertThat(driver.findElements(By.linkText("Download the receipt"))).isNotEmpty();
            browser.screenshot("privacy-center-5-withdrawn");

            JsonPath denied = decision();
            assertThat(denied.getBoolean("permitted")).isFalse();
            assertThat(denied.getString("reason")).isNotEqualTo("CONSENT_GRANTED");

            driver.findElement(By.id("type-ACCESS")).click();
            driver.findElement(By.id("details")).sendKeys("Everything you hold about me, please.");
            driver.findElement(By.cssSelector("form[action='/privacy/me/requests'] button[type=submit]")).click();
            arrivesAt(driver, "/privacy/me?filed=");
            UUID requestId = UUID.fromString(driver.getCurrentUrl().replaceAll(".*filed=([0-9a-f-]{36}).*", "$1"));
            assertThat(driver.findElement(By.id("request-" + requestId)).getText()).contains("A copy of my data (access)");
            browser.screenshot("privacy-center-6-request-filed");

            String operator = Keycloak.user("demo-operator");
            JsonPath filed = given().auth().oauth2(operator).get(DSR + "/api/v1/requests/" + requestId)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(filed.getString("type")).isEqualTo("ACCESS");
            assertThat(filed.getString("channel")).isEqualTo("privacy-center");
            assertThat(filed.getString("verification.method")).isEqualTo("EMAIL_CODE");
            assertThat(filed.getString("verification.verifiedBy")).isEqualTo("client:consent-service");
            assertThat(filed.getList("identifiers.value", String.class)).contains(EMAIL);
            assertThat(filed.getString("status")).isIn("VERIFIED", "IN_PROGRESS", "COMPLETED");

            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                    assertThat(given().auth().oauth2(Keycloak.user("demo-operator")).get(DSR + "/api/v1/requests/" + requestId)
                            .then().statusCode(200).extract().path("status").toString()).isEqualTo("COMPLETED"));
            driver.navigate().refresh();
            WebElement row = driver.findElement(By.id("request-" + requestId));
            assertThat(row.getText()).contains("answered");
            WebElement download = row.findElement(By.linkText("Download"));
            browser.screenshot("privacy-center-7-request-answered");

            Cookie session = driver.manage().getCookieNamed("pg_privacy");
            assertThat(session.isHttpOnly()).isTrue();
            byte[] zip = given().cookie("pg_privacy", session.getValue()).get(download.getAttribute("href"))
                    .then().statusCode(200).contentType("application/zip").extract().asByteArray();
            assertThat(entries(zip)).contains("manifest.json");
        }
    }

    @Test
    @Order(3)
    void theGpcSignalIsShownWhenTheBrowserSendsIt() {
        try (Browser browser = Browser.open()) {
            browser.sendGlobalPrivacyControl();
            browser.driver().get(CENTER + "?lang=en");
            assertThat(browser.driver().findElement(By.cssSelector("section.gpc")).getText())
                    .contains("Your browser asked us not to sell or share your data; we honour it.");
            browser.screenshot("privacy-center-8-gpc");
        }
        assertThat(given().get(CENTER + "?lang=en").then().statusCode(200).extract().asString()).doesNotContain("we honour it");
        given().header("Sec-GPC", "1").get(CENTER + "?lang=en").then().statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.startsWith("default-src 'none'"));
    }

    /** A form post answers when the services behind it have: wait for the page it leads to. */
    private static void arrivesAt(ChromeDriver driver, String path) {
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(ExpectedConditions.urlContains(path));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static JsonPath decision() {
        return given().auth().oauth2(Keycloak.service("ingestion-service")).contentType(ContentType.JSON)
                .body(Map.of("identifiers", List.of(Map.of("type", "email", "value", EMAIL)), "purpose", PURPOSE,
                        "channel", "email"))
                .post(CONSENT + "/api/v1/decisions").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
