#include "campaignpage.h"

#include "activitystore.h"
#include "activitytext.h"
#include "campaignstore.h"
#include "customerstore.h"
#include "database.h"
#include "epoch.h"
#include "formatting.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <limits>
#include <optional>

namespace Gavel::Ui {

using namespace Models;

/// Everything the page shows, read in one go off the GUI thread.
struct CampaignPage::Data
{
    Campaign campaign;
    CampaignFigures figures;
    qint64 customerId = 0;
    QString customerName;
    std::optional<CampaignRecipient> recipient;
    QList<ActivityEvent> events;
};

namespace {

/// How long after a mailing went out its opens and clicks are looked for.
constexpr qint64 kResponseWindow = 365 * 86400;

QString share(qint64 part, qint64 whole)
{
    if (whole <= 0) {
        return QLocale().toString(part);
    }
    return CampaignPage::tr("%1 of %2 (%3 %)")
        .arg(QLocale().toString(part), QLocale().toString(whole),
             QLocale().toString(100.0 * static_cast<double>(part) / static_cast<double>(whole), 'f', 1));
}

QString countSince(int count, const QDateTime &first, const QString &none)
{
    if (count <= 0 && !first.isValid()) {
        return none;
    }
    if (!first.isValid()) {
        return count == 1 ? CampaignPage::tr("Once") : CampaignPage::tr("%1 times").arg(QLocale().toString(count));
    }
    return count <= 1 ? CampaignPage::tr("Once, on %1").arg(formatDateTime(first))
                      : CampaignPage::tr("%1 times, first on %2").arg(QLocale().toString(count), formatDateTime(first));
}

} // namespace

CampaignPage::CampaignPage(Models::Loader &loader, Navigator &navigator, QWidget *parent)
    : EntityPage(loader, navigator, parent)
{
    setObjectName(QStringLiteral("campaignPage"));
    auto *mailing = new QGroupBox(tr("Mailing"), body());
    QFormLayout *form = makeForm(mailing);
    m_channel = addFact(form, tr("Channel"), QStringLiteral("campaignChannel"));
    m_category = addFact(form, tr("Category"), QStringLiteral("campaignCategory"));
    m_programme = addFact(form, tr("Campaign"), QStringLiteral("campaignProgramme"));
    m_subject = addFact(form, tr("Subject"), QStringLiteral("campaignSubject"));
    m_sent = addFact(form, tr("Sent"), QStringLiteral("campaignSent"));
    m_sale = addFact(form, tr("Sale"), QStringLiteral("campaignSale"));
    m_department = addFact(form, tr("Department"), QStringLiteral("campaignDepartment"));
    m_audience = addFact(form, tr("Audience"), QStringLiteral("campaignAudience"));
    m_control = addFact(form, tr("Control group"), QStringLiteral("campaignControl"));

    auto *results = new QGroupBox(tr("All recipients"), body());
    QFormLayout *figures = makeForm(results);
    m_recipients = addFact(figures, tr("On record"), QStringLiteral("campaignRecipients"));
    m_opened = addFact(figures, tr("Opened"), QStringLiteral("campaignOpened"));
    m_clicked = addFact(figures, tr("Clicked"), QStringLiteral("campaignClicked"));
    m_unsubscribed = addFact(figures, tr("Unsubscribed"), QStringLiteral("campaignUnsubscribed"));
    m_bounced = addFact(figures, tr("Bounced"), QStringLiteral("campaignBounced"));

    m_customerBox = new QGroupBox(tr("This customer"), body());
    m_customerBox->setObjectName(QStringLiteral("campaignCustomerBox"));
    m_customerSummary = new QLabel(m_customerBox);
    m_customerSummary->setObjectName(QStringLiteral("campaignCustomerSummary"));
    m_customerSummary->setWordWrap(true);
    m_customerSummary->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_customerSummary, &QLabel::linkActivated, this, &EntityPage::openLink);
    auto *factsHolder = new QWidget(m_customerBox);
    QFormLayout *customerForm = makeForm(factsHolder);
    customerForm->setContentsMargins(0, 0, 0, 0);
    m_customerSent = addFact(customerForm, tr("Sent"), QStringLiteral("campaignCustomerSent"));
    m_customerOpened = addFact(customerForm, tr("Opened"), QStringLiteral("campaignCustomerOpened"));
    m_customerClicked = addFact(customerForm, tr("Clicked"), QStringLiteral("campaignCustomerClicked"));
    m_customerUnsubscribed = addFact(customerForm, tr("Unsubscribed"), QStringLiteral("campaignCustomerUnsubscribed"));
    m_customerEvents =
        makeTable({tr("When"), tr("Activity"), tr("Details")}, QStringLiteral("campaignCustomerEvents"), 2);
    m_customerEvents->setParent(m_customerBox);
    auto *customerLayout = new QVBoxLayout(m_customerBox);
    customerLayout->addWidget(m_customerSummary);
    customerLayout->addWidget(factsHolder);
    customerLayout->addWidget(m_customerEvents, 1);

    setColumns({mailing, results}, m_customerBox);
}

void CampaignPage::load(const Place &place)
{
    const qint64 campaignId = place.id;
    const qint64 customerId = place.customerId;
    fetch<Data>(
        [campaignId, customerId](Database &db) -> Result<Data> {
            Data data;
            CampaignStore store(db);
            auto campaign = store.byId(campaignId);
            if (!campaign) {
                return campaign.error();
            }
            data.campaign = *campaign;
            auto figures = store.figures(campaignId);
            if (!figures) {
                return figures.error();
            }
            data.figures = *figures;
            if (customerId == 0) {
                return data;
            }
            auto customer = CustomerStore(db).byId(customerId);
            if (!customer) {
                return customer.error();
            }
            data.customerId = customerId;
            data.customerName = customer->displayName();
            auto recipient = store.recipient(campaignId, customerId);
            if (!recipient) {
                return recipient.error();
            }
            data.recipient = *recipient;
            const qint64 from = toEpoch(data.campaign.sentAt);
            auto events = ActivityStore(db).campaignEvents(
                customerId, campaignId, from, from == 0 ? std::numeric_limits<qint64>::max() : from + kResponseWindow,
                200);
            if (!events) {
                return events.error();
            }
            data.events = *events;
            return data;
        },
        [this](const Data &data) { apply(data); });
}

void CampaignPage::apply(const Data &data)
{
    const Campaign &c = data.campaign;
    const QLocale locale;
    QStringList subtitle = {CampaignStore::channelLabel(c.channel)};
    if (c.sentAt.isValid()) {
        subtitle << tr("sent %1").arg(formatDateTime(c.sentAt));
    }
    setHeading(c.name, subtitle.join(QStringLiteral(" · ")));
    setFact(m_channel, CampaignStore::channelLabel(c.channel));
    setFact(m_category, c.categoryName);
    setFact(m_programme, c.programme);
    setFact(m_subject, c.subject);
    setFact(m_sent, c.sentAt.isValid() ? formatDateTime(c.sentAt) : tr("Not sent yet"));
    const QString saleName = c.saleTitle.isEmpty() ? c.saleNo : tr("%1 (%2)").arg(c.saleTitle, c.saleNo);
    setFact(m_sale, c.saleId != 0 ? linkTo(Place::Kind::Sale, c.saleId, saleName) : QString());
    setFact(m_department, c.departmentName);
    setFact(m_audience, c.audienceSize > 0 ? tr("%1 customers").arg(locale.toString(c.audienceSize)) : QString());
    setFact(m_control, c.controlSize > 0
                           ? tr("%1 customers held back (nothing sent to them)").arg(locale.toString(c.controlSize))
                           : tr("None"));

    const CampaignFigures &f = data.figures;
    setFact(m_recipients,
            f.recipients > 0
                ? tr("%1 (%2 in the control group)").arg(locale.toString(f.recipients), locale.toString(f.inControl))
                : tr("No recipients on record"));
    setFact(m_opened, f.sent > 0 ? share(f.opened, f.sent) : QString());
    setFact(m_clicked, f.sent > 0 ? share(f.clicked, f.sent) : QString());
    setFact(m_unsubscribed, f.sent > 0 ? locale.toString(f.unsubscribed) : QString());
    setFact(m_bounced, f.sent > 0 ? locale.toString(f.bounced) : QString());

    m_customerBox->setVisible(data.customerId != 0);
    m_customerEvents->clear();
    const QString who = linkTo(Place::Kind::Customer, data.customerId, data.customerName);
    const auto clearFacts = [this] {
        for (QLabel *label : {m_customerSent, m_customerOpened, m_customerClicked, m_customerUnsubscribed}) {
            setFact(label, {});
        }
    };
    if (data.customerId == 0) {
        clearFacts();
    } else if (!data.recipient) {
        m_customerSummary->setText(tr("%1 was not in this mailing's audience.").arg(who));
        clearFacts();
    } else if (data.recipient->inControl) {
        m_customerSummary->setText(tr("%1 was in the control group: nothing was sent to this customer.").arg(who));
        clearFacts();
    } else {
        const CampaignRecipient &r = *data.recipient;
        m_customerSummary->setText(tr("What %1 did with this mailing:").arg(who));
        setFact(m_customerSent, r.sentAt.isValid() ? formatDateTime(r.sentAt) : tr("Not recorded"));
        setFact(m_customerOpened, countSince(r.openCount, r.openedAt, tr("Not opened")));
        setFact(m_customerClicked, countSince(r.clickCount, r.clickedAt, tr("No clicks")));
        setFact(m_customerUnsubscribed, r.unsubscribedAt.isValid() ? formatDateTime(r.unsubscribedAt) : QString());
    }
    for (const ActivityEvent &event : data.events) {
        const ActivityLink link = ActivityText::lotLink(event);
        addRow(m_customerEvents,
               {formatDateTime(fromEpoch(event.ts)), ActivityText::name(event), ActivityText::plainDescription(event)},
               link.isValid() && !link.text.isEmpty() ? Place::of(Place::Kind::Lot, link.id, data.customerId)
                                                      : Place{});
    }
    m_customerEvents->setVisible(!data.events.isEmpty());
    fitColumns(m_customerEvents);
    showContent();
}

} // namespace Gavel::Ui
