package io.privacygate.dsr.ui;

import io.privacygate.dsr.api.ConsoleRecords;
import io.privacygate.dsr.api.RequestSummary;
import io.privacygate.dsr.api.RequestView;
import io.privacygate.dsr.model.RequestStatus;
import io.privacygate.dsr.model.RequestType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What the console's pages show: presentation only, built from the services' own views. */
public final class ConsoleViews {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneId.of("UTC"));

    private ConsoleViews() {
    }

    /** A time as people read it; UTC, as every time in the suite. */
    public static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** Calendar days from today to the due day, in the deadline's zone: 0 on the last day, negative when late. */
    public static long daysLeft(Instant dueAt, ZoneId zone, Instant now) {
        return ChronoUnit.DAYS.between(LocalDate.ofInstant(now, zone), LocalDate.ofInstant(dueAt, zone));
    }

    /**
     * How far a platform's deadline is, in hours (it is counted to the instant, not by calendar days): "23 h left",
     * "missed by 2 h"; blank when there is none or the request is closed.
     */
    public static String platformLeftText(Instant platformDueAt, boolean open, Instant now) {
        if (platformDueAt == null || !open) {
            return "";
        }
        long minutes = Duration.between(now, platformDueAt).toMinutes();
        if (minutes < 0) {
            return "missed by " + Math.max(1, -minutes / 60) + " h";
        }
        return minutes < 60 ? "less than 1 h left" : minutes / 60 + " h left";
    }

    /** A notice or an error shown above a page's content. */
    public record Message(boolean error, String text) {
        static Message notice(String text) {
            return text == null || text.isBlank() ? null : new Message(false, text);
        }

        static Message error(String text) {
            return new Message(true, text);
        }
    }

    /** One row of the queue: no identifiers, no free text. */
    public record QueueRow(RequestSummary request, long daysLeft, String platformLeftText) {
        public String due() {
            return time(request.dueAt());
        }

        /** The platform's deadline (issue 21), or blank. */
        public String platformDue() {
            return time(request.platformDueAt());
        }

        /** Past either deadline while open. */
        public boolean late() {
            return request.overdue() || request.platformDeadlineMissed();
        }

        public String received() {
            return time(request.receivedAt());
        }

        /** Enough of the id to tell requests apart in a list. */
        public String shortId() {
            return request.id().toString().substring(0, 8);
        }

        public String daysLeftText() {
            if (!request.status().isOpen()) {
                return "closed";
            }
            if (request.overdue()) {
                long late = -daysLeft;
                return late <= 0 ? "overdue" : "overdue by " + late + (late == 1 ? " day" : " days");
            }
            return daysLeft == 0 ? "due today" : daysLeft + (daysLeft == 1 ? " day" : " days");
        }

        static QueueRow of(RequestSummary summary, ZoneId zone, Instant now) {
            return new QueueRow(summary, ConsoleViews.daysLeft(summary.dueAt(), zone, now),
                    ConsoleViews.platformLeftText(summary.platformDueAt(), summary.status().isOpen(), now));
        }
    }

    public record QueuePage(List<QueueRow> rows, long total, int page, int pages, RequestType type, RequestStatus status,
                            List<RequestType> types, List<RequestStatus> statuses, long overdue) {
        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages;
        }

        public int previousPage() {
            return page - 1;
        }

        /** The next page's index, which is also this page's number as people count. */
        public int nextPage() {
            return page + 1;
        }

        public boolean plural() {
            return total != 1;
        }

        public String filterQuery() {
            return (type == null ? "" : "&type=" + type) + (status == null ? "" : "&status=" + status);
        }
    }

    /** One line of a request's history, from its own record and, for those allowed, audit-service's log. */
    public record TimelineEntry(Instant at, String what, String who) {
        public String when() {
            return time(at);
        }
    }

    public record RequestPage(RequestView request, List<TimelineEntry> timeline, List<ConsoleRecords.IndexedEvent> auditEvents,
                              String auditNote, Message message, boolean canExtend, boolean exportable, long daysLeft) {
        /** When and why the deadline was extended, or null. */
        public String extensionText() {
            RequestView.Extension extension = request.extension();
            return extension == null ? null : "Extended on " + time(extension.extendedAt()) + ": " + extension.reason();
        }

        /** Art. 18(3): a restriction carried out, whose lift has not been announced to the requester yet. */
        public boolean canAnnounceLift() {
            return restrictionCarriedOut() && request.restrictionLift() == null;
        }

        /** Announced to the requester, not yet lifted. */
        public boolean canLift() {
            return restrictionCarriedOut() && request.restrictionLift() != null
                    && request.restrictionLift().liftedAt() == null;
        }

        /** Where the lift of the restriction stands, or null when none was announced. */
        public String liftText() {
            RequestView.RestrictionLift lift = request.restrictionLift();
            if (lift == null) {
                return null;
            }
            String text = "Lift announced to the requester on " + time(lift.announcedAt()) + ": " + lift.reason();
            if (lift.completedAt() != null) {
                return text + " Lifted everywhere on " + time(lift.completedAt()) + ".";
            }
            return lift.liftedAt() == null ? text : text + " Lift ordered on " + time(lift.liftedAt())
                    + "; lifted so far in: " + (lift.liftedIn().isEmpty() ? "none" : String.join(", ", lift.liftedIn())) + ".";
        }

        private boolean restrictionCarriedOut() {
            return request.status() == RequestStatus.COMPLETED && request.tasks() != null && request.tasks().stream()
                    .anyMatch(t -> t.step() == io.privacygate.dsr.model.TaskStep.RESTRICT
                            && t.status() == io.privacygate.dsr.model.TaskStatus.DONE);
        }

        public boolean unverified() {
            return request.status() == RequestStatus.RECEIVED;
        }

        public boolean rejectable() {
            return request.status() == RequestStatus.RECEIVED || request.status() == RequestStatus.VERIFIED;
        }

        public boolean hasFailedTasks() {
            return request.tasks() != null && request.tasks().stream()
                    .anyMatch(t -> t.status() == io.privacygate.dsr.model.TaskStatus.FAILED);
        }

        /** While participants are still being called the page refreshes itself (console.js). */
        public boolean working() {
            return request.status().isOpen() && request.tasks() != null && request.tasks().stream()
                    .anyMatch(t -> t.status() == io.privacygate.dsr.model.TaskStatus.PENDING
                            || t.status() == io.privacygate.dsr.model.TaskStatus.RUNNING);
        }

        public boolean emailCodePending() {
            return request.verification() != null && request.verification().pendingCode() != null;
        }

        public String due() {
            return time(request.dueAt());
        }

        /** The platform's deadline (issue 21), or blank. */
        public String platformDue() {
            return time(request.platformDueAt());
        }

        public String platformLeft() {
            return platformLeftText(request.platformDueAt(), request.status().isOpen(), Instant.now());
        }

        public String received() {
            return time(request.receivedAt());
        }

        static List<TimelineEntry> timeline(RequestView r) {
            List<TimelineEntry> entries = new ArrayList<>();
            entries.add(new TimelineEntry(r.receivedAt(), "Received" + (r.channel() == null ? "" : " by " + r.channel()),
                    r.filedBy()));
            if (r.verification() != null && r.verification().verifiedAt() != null) {
                entries.add(new TimelineEntry(r.verification().verifiedAt(), "Identity verified ("
                        + r.verification().method() + ")", r.verification().verifiedBy()));
            }
            if (r.verification() != null && r.verification().pendingCode() != null) {
                entries.add(new TimelineEntry(r.verification().pendingCode().sentAt(), "Verification code e-mailed", null));
            }
            if (r.extension() != null) {
                entries.add(new TimelineEntry(r.extension().extendedAt(), "Deadline extended to " + time(r.dueAt()),
                        r.extension().extendedBy()));
            }
            if (r.tasks() != null) {
                r.tasks().stream().filter(t -> t.completedAt() != null).forEach(t -> entries.add(new TimelineEntry(
                        t.completedAt(), t.step() + " done by " + t.participant(), null)));
            }
            if (r.restrictionLift() != null) {
                entries.add(new TimelineEntry(r.restrictionLift().announcedAt(), "Lift of the restriction announced to the requester",
                        r.restrictionLift().announcedBy()));
                if (r.restrictionLift().liftedAt() != null) {
                    entries.add(new TimelineEntry(r.restrictionLift().liftedAt(), "Lift of the restriction ordered",
                            r.restrictionLift().liftedBy()));
                }
            }
            if (r.closing() != null && r.closing().closedAt() != null) {
                entries.add(new TimelineEntry(r.closing().closedAt(), "Closed: " + r.status()
                        + (r.outcome() == null ? "" : " (" + r.outcome() + ")"), r.closing().closedBy()));
            }
            entries.sort(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.naturalOrder())));
            return entries;
        }
    }

    /** The new-request form, as entered (shown again with the errors when refused). */
    public record NewRequestForm(String type, String identifierType, String identifier, String identifierType2,
                                 String identifier2, String channel, String receivedOn, String details,
                                 String idempotencyKey) {
        public boolean isType(RequestType candidate) {
            return candidate.name().equals(type);
        }
    }

    public record SubjectPage(String identifierType, ConsoleRecords.Subject subject,
                              List<ConsoleRecords.CurrentConsent> consents, List<ConsoleRecords.ConsentEvent> history,
                              Message message) {
        public boolean found() {
            return subject != null;
        }
    }

    public record PurposesPage(List<ConsoleRecords.Purpose> purposes, Message message, PurposeForm form,
                               List<String> legalBases) {
    }

    /** The purpose form: lists are entered comma-separated. */
    public record PurposeForm(String key, String title, String description, String legalBasis, String dataCategories,
                              String retention, String recipients, String channels, String noticeUrl,
                              String noticeVersion, String noticeHash, boolean gpcApplies) {
        static PurposeForm empty() {
            return new PurposeForm("", "", "", "CONSENT", "", "P1Y", "", "", "", "", "", false);
        }
    }

    public record AuditPage(ConsoleRecords.Checkpoint checkpoint, Boolean checkpointSigned, String checkpointTime,
                            Verification verification, EntryCheck entry, Message message) {
    }

    public record Verification(boolean valid, long treeSize, Long firstBadIndex, String failedCheckpoint) {
    }

    /** An entry and the console's own check of its inclusion in the signed tree. */
    public record EntryCheck(ConsoleRecords.Entry entry, long treeSize, String rootHash, boolean leafHashMatches,
                             boolean included, List<String> proof) {
        public boolean verified() {
            return leafHashMatches && included;
        }

        public String occurred() {
            return entry.event() == null ? "" : time(entry.event().occurredAt());
        }
    }

    /** Art. 33-34: open alerts and the breach register, each breach with its clock. */
    public record BreachesPage(List<ConsoleRecords.Alert> alerts, List<BreachRow> breaches, Message message,
                               long totalBreaches) {
        public List<String> risks() {
            return ConsoleBreachResource.risks();
        }

        public List<String> exemptions() {
            return ConsoleBreachResource.exemptions();
        }
    }

    /** One breach of the register, with its 72-hour clock (Art. 33(1)) and the subjects' state (Art. 34) in words. */
    public record BreachRow(ConsoleRecords.Breach breach, Instant now) {
        public String shortId() {
            return breach.id().toString().substring(0, 8);
        }

        public String aware() {
            return time(breach.awareAt());
        }

        public String deadline() {
            return breach.authorityNotification() == null ? "" : time(breach.authorityNotification().deadline());
        }

        /** The authority may still have to be told: nothing recorded yet. */
        public boolean authorityPending() {
            return breach.authorityNotification() != null && breach.authorityNotification().notifiedAt() == null;
        }

        public boolean overdue() {
            return breach.authorityNotification() != null && breach.authorityNotification().overdue();
        }

        /** Where the 72 hours stand, counted to the instant. */
        public String clockText() {
            ConsoleRecords.BreachAuthority a = breach.authorityNotification();
            if (a == null) {
                return "";
            }
            if (a.notifiedAt() != null) {
                return "authority notified " + time(a.notifiedAt()) + (Boolean.TRUE.equals(a.late()) ? " (after 72 h)" : "");
            }
            if (!a.required()) {
                return "no notification required (risk unlikely); documented (Art. 33(5))";
            }
            long minutes = Duration.between(now, a.deadline()).toMinutes();
            if (minutes < 0) {
                return "overdue by " + Math.max(1, -minutes / 60) + " h: notify with the reasons for the delay";
            }
            return minutes < 60 ? "less than 1 h left" : minutes / 60 + " h left";
        }

        /** The subjects may still have to be told: nothing recorded yet. */
        public boolean subjectsOpen() {
            ConsoleRecords.BreachSubjects s = breach.subjectNotification();
            return s != null && s.notifiedAt() == null && s.exemption() == null;
        }

        public String subjectsText() {
            ConsoleRecords.BreachSubjects s = breach.subjectNotification();
            if (s == null) {
                return "";
            }
            if (s.notifiedAt() != null) {
                return "told " + time(s.notifiedAt()) + (s.method() == null ? "" : " by " + s.method());
            }
            if (s.exemption() != null) {
                return "not told: " + s.exemption() + " (Art. 34(3))";
            }
            return s.pending() ? "to be told without undue delay (high risk, Art. 34(1))" : "not required";
        }
    }

    /** Art. 14(3)(a): the people to inform, nearest clock first, for a window. */
    public record Art14Page(List<Art14Row> rows, String within, List<String> windows, Message message) {
    }

    /** One person to inform: pseudonymous id, the source and when their one month ends. */
    public record Art14Row(ConsoleRecords.Art14Due due, Instant now) {
        public String obtained() {
            return time(due.obtainedAt());
        }

        public String dueAt() {
            return time(due.dueAt());
        }

        public boolean overdue() {
            return due.dueAt() != null && now.isAfter(due.dueAt());
        }

        public String leftText() {
            if (due.dueAt() == null) {
                return "";
            }
            long days = Duration.between(now, due.dueAt()).toDays();
            if (overdue()) {
                long late = Duration.between(due.dueAt(), now).toDays();
                return late < 1 ? "overdue" : "overdue by " + late + (late == 1 ? " day" : " days");
            }
            return days < 1 ? "due today" : days + (days == 1 ? " day" : " days");
        }
    }
}
