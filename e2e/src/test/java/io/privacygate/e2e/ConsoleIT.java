package io.privacygate.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator console in a real browser (Debian's headless Chromium) against the running suite and its real
 * Keycloak: each demo role signs in through Keycloak's login page (authorization code + PKCE) and sees what its role
 * allows; an operator works an ACCESS request from intake to the downloaded package, verifying the requester with
 * the code the SMTP sink received; the main pages are saved as screenshots in target/screenshots.
 */
@ExtendWith(Suite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {
    private static final String CONSOLE = "http://127.0.0.1:8083/console";
    private static final String CONSENT = "http://127.0.0.1:8081";
    private static final String AUDIT = "http://127.0.0.1:8084";
    private static final String PURPOSE = "console-newsletter";
    private static final String RUN = Long.toString(System.currentTimeMillis());
    private static final String EMAIL = "nora." + RUN + "@example.org";
    private static final Duration WORK = Duration.ofSeconds(90);
    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    private static Browser browser;

    /** A person consent-service knows: she gave consent to the newsletter through a web form. */
    @BeforeAll
    static void aPersonWithConsent() {
        String dpo = Keycloak.user("demo-dpo");
        Map<String, Object> purpose = new HashMap<>(Map.of("key", PURPOSE, "title", "Newsletter (console test)",
                "legalBasis", "CONSENT", "dataCategories", List.of("contact"), "retention", "P1Y",
                "recipients", List.of("Mailer Ltd"), "channels", List.of("web"), "noticeVersion", "1", "gpcApplies", true));
        purpose.put("noticeUrl", "https://example.org/notice/" + PURPOSE);
        int status = given().auth().oauth2(dpo).contentType(ContentType.JSON).body(purpose)
                .post(CONSENT + "/api/v1/purposes").then().extract().statusCode();
        assertThat(status).as("the purpose is registered").isIn(201, 409);
        given().auth().oauth2(Keycloak.service("ingestion-service")).contentType(ContentType.JSON)
                .body(Map.of("identifiers", List.of(Map.of("type", "email", "value", EMAIL)), "purpose", PURPOSE,
                        "state", "GRANTED", "noticeVersion", "1", "collectionMethod", "web-form",
                        "evidence", Map.of("source", "https://example.org/newsletter", "formId", "newsletter-" + RUN)))
                .post(CONSENT + "/api/v1/consents").then().statusCode(201);
        browser = Browser.open();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private static ChromeDriver driver() {
        return browser.driver();
    }

    /** Waits through the console's own reloads (a page being replaced has stale elements for a moment). */
    private static WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver(), timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Opens the console and signs in on Keycloak's own login page, as a person does. */
    private static void signIn(String username) {
        // A fresh start: no console session and no Keycloak session from an earlier test, even one that failed
        // before signing out (Keycloak's cookies have paths a console page cannot see).
        browser.clearCookies();
        driver().get(CONSOLE);
        waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(driver().getCurrentUrl()).startsWith(Keycloak.URL + "/realms/privacy-gate/protocol/openid-connect/auth")
                .contains("client_id=operator-console").contains("code_challenge_method=S256");
        driver().findElement(By.id("username")).sendKeys(username);
        driver().findElement(By.id("password")).sendKeys("demo");
        driver().findElement(By.id("kc-login")).click();
        waiting(Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("127.0.0.1:8083/console"));
    }

    /**
     * Signs out: the console's CSRF-checked form post, then Keycloak ends the session and sends the browser back to
     * the console, which asks to sign in. An error page (no form token of its own) links to a page with the form.
     */
    private static void signOut() {
        driver().findElement(By.id("sign-out")).click();
        driver().findElements(By.id("confirm-sign-out")).forEach(WebElement::click);
        waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(driver().getCurrentUrl()).startsWith(Keycloak.URL);
    }

    private static String text(String id) {
        return driver().findElement(By.id(id)).getText();
    }

    private static String page() {
        return driver().getPageSource();
    }

    private static boolean linkTo(String path) {
        return !driver().findElements(By.cssSelector("header nav a[href='" + path + "']")).isEmpty();
    }

    @Test
    @Order(1)
    void anOperatorWorksARequestFromIntakeToThePackage() {
        signIn("demo-operator");
        assertThat(text("user-name")).isEqualTo("Oscar Operator");
        assertThat(text("user-roles")).contains("privacy-operator");
        assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("Requests");
        assertThat(linkTo("/console/purposes")).as("purposes offered to an operator").isFalse();
        assertThat(linkTo("/console/audit")).as("audit offered to an operator").isFalse();

        // Intake: the request arrived by e-mail.
        driver().findElement(By.linkText("New request")).click();
        new Select(driver().findElement(By.id("type"))).selectByValue("ACCESS");
        new Select(driver().findElement(By.id("identifierType"))).selectByValue("email");
        driver().findElement(By.id("identifier")).sendKeys(EMAIL);
        driver().findElement(By.id("channel")).clear();
        driver().findElement(By.id("channel")).sendKeys("email");
        driver().findElement(By.id("details")).sendKeys("Please send me a copy of my data.");
        browser.screenshot("console-new-request");
        driver().findElement(By.id("file")).click();
        waiting(Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/console/request?id="));
        String requestId = driver().getCurrentUrl().replaceAll(".*id=([0-9a-f-]{36}).*", "$1");
        assertThat(text("message")).contains("Request filed");
        assertThat(text("status")).isEqualTo("RECEIVED");
        assertThat(page()).contains(EMAIL);

        // The queue lists it by deadline, without the requester's address.
        driver().get(CONSOLE + "?type=ACCESS");
        assertThat(page()).contains("/console/request?id=" + requestId).doesNotContain(EMAIL);
        browser.screenshot("console-queue");
        driver().get(CONSOLE + "/request?id=" + requestId);

        // Verification: a code to the requester's address, which she reads out to the operator.
        Instant sent = Instant.now();
        driver().findElement(By.id("send-code")).click();
        waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
        MailSink.Mail mail = Suite.mail().awaitMailTo(EMAIL, sent, Duration.ofSeconds(60));
        Matcher code = CODE.matcher(mail.body());
        assertThat(code.find()).as("the mail carries a code").isTrue();
        driver().findElement(By.id("code")).sendKeys(code.group(1));
        driver().findElement(By.id("check-code")).click();
        waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("verified")));
        assertThat(text("verified")).contains("EMAIL_CODE");

        // The systems answer; the page refreshes itself until the request is complete.
        waiting(WORK).until(d -> {
            if (d.findElements(By.id("working")).isEmpty() && !"COMPLETED".equals(text("status"))) {
                d.navigate().refresh();
            }
            return "COMPLETED".equals(text("status"));
        });
        assertThat(driver().findElements(By.cssSelector("#tasks tbody tr"))).isNotEmpty();
        assertThat(driver().findElement(By.id("tasks")).getText()).contains("consent-service").contains("DONE");
        assertThat(text("timeline")).contains("Received").contains("Identity verified (EMAIL_CODE)").contains("Closed: COMPLETED");
        browser.screenshot("console-request-completed");

        // The package downloads with the browser's own session.
        WebElement download = driver().findElement(By.id("download"));
        Response zip = given().redirects().follow(false).cookies(cookies()).get(download.getAttribute("href"));
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.contentType()).isEqualTo("application/zip");
        assertThat(zip.asByteArray()).startsWith(new byte[] {'P', 'K'});

        // Subject lookup: her consent per purpose, with history and receipts.
        driver().findElement(By.linkText("Subject lookup")).click();
        new Select(driver().findElement(By.id("identifierType"))).selectByValue("email");
        driver().findElement(By.id("identifier")).sendKeys(EMAIL);
        driver().findElement(By.id("lookup")).click();
        waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("consents")));
        assertThat(text("consents")).contains(PURPOSE).contains("GRANTED");
        assertThat(text("history")).contains("web-form");
        assertThat(text("restriction")).contains("not restricted");
        browser.screenshot("console-subject");

        // Purposes are the DPO's: not offered, and refused when typed in.
        driver().get(CONSOLE + "/purposes");
        assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("Not for your role");
        assertThat(status(CONSOLE + "/purposes")).isEqualTo(403);
        browser.screenshot("console-operator-purposes-403");
        signOut();
    }

    @Test
    @Order(2)
    void theDpoKeepsTheRegister() {
        signIn("demo-dpo");
        assertThat(text("user-name")).isEqualTo("Dana Dpo");
        assertThat(linkTo("/console/purposes")).isTrue();
        assertThat(linkTo("/console/audit")).isTrue();
        driver().findElement(By.linkText("Purposes")).click();
        assertThat(text("purposes")).contains(PURPOSE);
        driver().get(CONSOLE + "/purposes?edit=" + PURPOSE);
        WebElement title = driver().findElement(By.id("title"));
        title.clear();
        title.sendKeys("Newsletter, monthly (console test " + RUN + ")");
        driver().findElement(By.id("save-purpose")).click();
        waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("message")));
        assertThat(text("message")).startsWith("Saved " + PURPOSE + " version");
        assertThat(text("purposes")).contains("console test " + RUN);
        browser.screenshot("console-purposes");
        Response ropa = given().cookies(cookies()).get(CONSOLE + "/purposes/ropa.csv");
        assertThat(ropa.statusCode()).isEqualTo(200);
        assertThat(ropa.asString()).contains(PURPOSE);
        signOut();
    }

    @Test
    @Order(3)
    void anAuditorVerifiesTheLogAndAnEntrysProof() {
        signIn("demo-auditor");
        waiting(Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/console/audit"));
        assertThat(text("user-roles")).contains("auditor");
        assertThat(linkTo("/console")).as("requests offered to an auditor").isFalse();
        aCheckpointCoversTheFirstEntries();
        waiting(WORK).until(d -> {
            d.navigate().refresh();
            return !d.findElements(By.id("tree-size")).isEmpty() && !"0".equals(d.findElement(By.id("tree-size")).getText().trim());
        });
        assertThat(driver().findElements(By.id("signature-ok"))).as("the checkpoint's signature checked").isNotEmpty();
        driver().findElement(By.id("verify")).click();
        waiting(WORK).until(ExpectedConditions.presenceOfElementLocated(By.id("verification")));
        assertThat(text("verification")).startsWith("Valid");
        browser.screenshot("console-audit-verified");
        driver().get(CONSOLE + "/audit?entry=0");
        assertThat(driver().findElements(By.id("proof-result")))
                .as("the entry and its proof; the page said:%n%s", driver().findElement(By.tagName("main")).getText())
                .isNotEmpty();
        assertThat(text("proof-result")).startsWith("Entry 0 is in the signed tree");
        browser.screenshot("console-audit");
        assertThat(status(CONSOLE + "/request?id=00000000-0000-0000-0000-000000000000")).isEqualTo(403);
        signOut();
    }

    @Test
    @Order(4)
    void aCrmAgentIsRefusedTheConsole() {
        signIn("demo-agent");
        assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("Not for your role");
        assertThat(text("user-name")).isEqualTo("Alex Agent");
        assertThat(status(CONSOLE)).isEqualTo(403);
        browser.screenshot("console-agent-403");
        signOut();
    }

    /**
     * Art. 33-34 in the browser (#20 point 11): the DPO records a breach she became aware of 70 hours ago, watches its
     * 72-hour clock, records the notification of the authority and the communication to the subjects; audit-service's
     * register holds both. The alerts section is on the same page.
     */
    @Test
    @Order(5)
    void theDpoRecordsABreachAndItsNotificationsWithinTheClock() {
        signIn("demo-dpo");
        assertThat(linkTo("/console/breaches")).isTrue();
        driver().findElement(By.linkText("Alerts and breaches")).click();
        assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("Alerts and breaches");
        assertThat(page()).contains("Open alerts");
        String nature = "Console test " + RUN + ": a CRM export mailed to the wrong recipient";
        driver().findElement(By.id("nature")).sendKeys(nature);
        new Select(driver().findElement(By.id("risk"))).selectByValue("HIGH");
        String awareAt = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusHours(70).withSecond(0).withNano(0).toString();
        driver().executeScript("arguments[0].value = arguments[1]", driver().findElement(By.id("awareAt")), awareAt);
        driver().findElement(By.id("approxSubjects")).sendKeys("3");
        driver().findElement(By.id("approxRecords")).sendKeys("3");
        driver().findElement(By.id("dataCategories")).sendKeys("contact");
        driver().findElement(By.id("measures")).sendKeys("Recipient asked to delete it");
        driver().findElement(By.id("record-breach")).click();
        waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("message")));
        assertThat(text("message")).contains("recorded");
        String dpo = Keycloak.user("demo-dpo");
        String breachId = given().auth().oauth2(dpo).get(AUDIT + "/api/v1/breaches?size=100").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.nature == '" + nature + "' }.id", String.class).getFirst();
        WebElement row = driver().findElement(By.id("breach-" + breachId));
        assertThat(row.getText()).contains("h left").contains("to be told");
        browser.screenshot("console-breach-clock");

        driver().findElement(By.id("an-auth-" + breachId)).sendKeys("Lead supervisory authority");
        driver().findElement(By.id("an-ref-" + breachId)).sendKeys("CASE-" + RUN);
        driver().findElement(By.id("an-submit-" + breachId)).click();
        waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Notification of the authority"));
        driver().findElement(By.id("sn-method-" + breachId)).sendKeys("e-mail to each person");
        driver().findElement(By.id("sn-submit-" + breachId)).click();
        waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Communication to the subjects"));
        assertThat(driver().findElement(By.id("breach-" + breachId)).getText()).contains("authority notified").contains("told");
        browser.screenshot("console-breach-notified");
        given().auth().oauth2(dpo).get(AUDIT + "/api/v1/breaches/" + breachId).then().statusCode(200)
                .body("authorityNotification.late", org.hamcrest.Matchers.equalTo(false))
                .body("authorityNotification.reference", org.hamcrest.Matchers.equalTo("CASE-" + RUN))
                .body("subjectNotification.method", org.hamcrest.Matchers.equalTo("e-mail to each person"));
        signOut();
    }

    /**
     * The checkpoint job signs the tree every minute, whatever has arrived by then; this run may be the suite's
     * first, so the DPO signs one now, once the first events have come through the services' outboxes.
     */
    private static void aCheckpointCoversTheFirstEntries() {
        String dpo = Keycloak.user("demo-dpo");
        await().atMost(WORK).pollInterval(Duration.ofSeconds(2)).until(() -> given().auth().oauth2(dpo)
                .post(AUDIT + "/api/v1/checkpoints").then().extract().<Integer>path("treeSize"), size -> size != null && size >= 1);
    }

    /** The status the console answers this browser's session for a page. */
    private static int status(String url) {
        return given().redirects().follow(false).cookies(cookies()).get(url).statusCode();
    }

    private static Map<String, String> cookies() {
        return driver().manage().getCookies().stream().collect(Collectors.toMap(Cookie::getName, Cookie::getValue, (a, b) -> b));
    }
}
