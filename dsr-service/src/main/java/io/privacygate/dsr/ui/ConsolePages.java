package io.privacygate.dsr.ui;

import io.privacygate.dsr.ui.ConsoleViews.Art14Page;
import io.privacygate.dsr.ui.ConsoleViews.AuditPage;
import io.privacygate.dsr.ui.ConsoleViews.BreachesPage;
import io.privacygate.dsr.ui.ConsoleViews.Message;
import io.privacygate.dsr.ui.ConsoleViews.NewRequestForm;
import io.privacygate.dsr.ui.ConsoleViews.PurposesPage;
import io.privacygate.dsr.ui.ConsoleViews.QueuePage;
import io.privacygate.dsr.ui.ConsoleViews.RequestPage;
import io.privacygate.dsr.ui.ConsoleViews.SubjectPage;
import io.privacygate.dsr.model.RequestType;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import java.util.List;

/** The console's pages (templates/console/*.html), each with the data it shows. */
@CheckedTemplate(basePath = "console")
final class ConsolePages {
    private ConsolePages() {
    }

    static native TemplateInstance queue(ConsoleUser user, QueuePage queue);

    static native TemplateInstance request(ConsoleUser user, RequestPage page);

    static native TemplateInstance newRequest(ConsoleUser user, NewRequestForm form, List<RequestType> types,
                                              List<String> identifierTypes, Message message);

    static native TemplateInstance subjects(ConsoleUser user, SubjectPage page, List<String> identifierTypes);

    static native TemplateInstance purposes(ConsoleUser user, PurposesPage page);

    static native TemplateInstance audit(ConsoleUser user, AuditPage page);

    static native TemplateInstance breaches(ConsoleUser user, BreachesPage page);

    static native TemplateInstance art14(ConsoleUser user, Art14Page page);

    static native TemplateInstance error(ConsoleUser user, int status, String title, String text);

    static native TemplateInstance signOut(ConsoleUser user);
}
