#include "marketingpanel.h"

#include "chiplistwidget.h"
#include "database.h"
#include "epoch.h"
#include "formatting.h"
#include "navigator.h"
#include "recordtablemodel.h"
#include "recordtableview.h"
#include "subscriptionmatrixwidget.h"

#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>

#include <optional>

namespace Gavel::Ui {

using Models::RecordTableModel;

namespace {

QGroupBox *box(const QString &title, QWidget *content, const QString &hint = {})
{
    auto *group = new QGroupBox(title);
    auto *layout = new QVBoxLayout(group);
    layout->addWidget(content, 1);
    if (!hint.isEmpty()) {
        auto *label = new QLabel(hint, group);
        label->setWordWrap(true);
        label->setEnabled(false);
        layout->addWidget(label);
    }
    return group;
}

RecordTableModel::Cell text(const QString &value, const QString &toolTip = {})
{
    return {value, {}, toolTip, false};
}

RecordTableModel::Cell when(const QDateTime &time, const QString &none = QStringLiteral("—"))
{
    if (!time.isValid()) {
        return {none, QVariant::fromValue(qint64(0)), {}, false};
    }
    return {Models::formatDate(time.toLocalTime().date()), QVariant::fromValue(Models::toEpoch(time)),
            Models::formatDateTime(time), false};
}

} // namespace

MarketingPanel::MarketingPanel(Models::Database &database, Models::Loader &loader, Navigator &navigator,
                               QWidget *parent)
    : ProfilePanel(parent), m_database(database), m_loader(loader), m_navigator(navigator)
{
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("marketingStatus"));
    m_status->setWordWrap(true);
    m_status->hide();

    m_mailings = new RecordTableView(this);
    m_mailings->setObjectName(QStringLiteral("mailingTable"));
    m_mailings->setAccessibleName(tr("Mailings"));
    m_mailings->setEmptyText(tr("The customer was in no mailing."));
    m_mailingBox = box(tr("Mailings"), m_mailings,
                       tr("Enter or double-click opens the campaign. In a control group, the customer was held back "
                          "and nothing was sent."));

    m_promos = new RecordTableView(this);
    m_promos->setObjectName(QStringLiteral("promoTable"));
    m_promos->setAccessibleName(tr("Promo codes"));
    m_promos->setEmptyText(tr("No promo codes issued."));
    m_promoBox = box(tr("Promo codes"), m_promos);

    m_polls = new RecordTableView(this);
    m_polls->setObjectName(QStringLiteral("pollTable"));
    m_polls->setAccessibleName(tr("Polls answered"));
    m_polls->setEmptyText(tr("No polls answered."));
    m_pollBox = box(tr("Polls answered"), m_polls, tr("Enter or double-click shows the poll's results."));

    m_subscriptions = new SubscriptionMatrixWidget(this);
    m_subscriptions->setObjectName(QStringLiteral("subscriptionMatrix"));
    auto *subscriptionBox =
        box(tr("Subscriptions"), m_subscriptions, tr("Every change is saved at once and kept in the change history."));

    m_tags = new ChipListWidget(this);
    m_tags->setObjectName(QStringLiteral("tagChips"));
    m_tags->setEmptyText(tr("No tags."));
    auto *tagBox = box(tr("Tags"), m_tags, tr("Click a tag to list every customer who has it."));

    auto *left = new QSplitter(Qt::Vertical, this);
    left->addWidget(m_mailingBox);
    left->addWidget(m_promoBox);
    left->addWidget(m_pollBox);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);
    left->setStretchFactor(2, 2);
    left->setChildrenCollapsible(false);

    auto *rightContent = new QWidget;
    auto *rightLayout = new QVBoxLayout(rightContent);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(subscriptionBox);
    rightLayout->addWidget(tagBox);
    rightLayout->addStretch(1);
    auto *right = new QScrollArea(this);
    right->setObjectName(QStringLiteral("marketingSide"));
    right->setWidget(rightContent);
    right->setWidgetResizable(true);
    right->setFrameShape(QFrame::NoFrame);
    right->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("marketingSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(right);
    // The side column is as wide as the subscription grid needs; the tables take the rest.
    const int em = fontMetrics().horizontalAdvance(u'M');
    right->setMinimumWidth(34 * em);
    m_side = right;
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    connect(m_mailings, &RecordTableView::rowActivated, this, [this](qint64 campaignId) {
        m_navigator.open(Place::of(Place::Kind::Campaign, campaignId));
    });
    connect(m_promos, &RecordTableView::rowActivated, this, [this](qint64 campaignId) {
        m_navigator.open(Place::of(Place::Kind::Campaign, campaignId));
    });
    connect(m_polls, &RecordTableView::rowActivated, this,
            [this](qint64 pollId) { m_navigator.open(Place::of(Place::Kind::Poll, pollId)); });
    connect(m_tags, &ChipListWidget::chipActivated, this,
            [this](const QString &name) { m_navigator.open(Place::customerList(QStringLiteral("tag:") + name)); });
    connect(m_subscriptions, &SubscriptionMatrixWidget::changeRequested, this, &MarketingPanel::changeSubscription);
    connect(m_subscriptions, &SubscriptionMatrixWidget::unsubscribeAllRequested, this,
            &MarketingPanel::unsubscribeFromAll);
}

void MarketingPanel::showCustomer(const Models::Customer &customer)
{
    if (customer.id != m_customer.id) {
        m_loaded = false;
        m_data = {};
        fill();
        m_subscriptions->clear();
    }
    m_customer = customer;
    reload();
}

void MarketingPanel::reload()
{
    if (m_customer.id == 0) {
        return;
    }
    m_generation.renew();
    if (!m_loaded) {
        m_status->setText(tr("Loading…"));
        m_status->show();
    }
    const qint64 customerId = m_customer.id;
    m_loader.run<Models::MarketingData>(
        m_generation, this,
        [customerId](Models::Database &db) { return Models::MarketingData::load(db, customerId); },
        [this](const Models::Result<Models::MarketingData> &result) {
            if (result) {
                apply(*result);
            } else {
                showError(result.error());
            }
            Q_EMIT loaded();
        });
}

void MarketingPanel::apply(const Models::MarketingData &data)
{
    m_data = data;
    m_loaded = true;
    m_status->hide();
    fill();
    m_subscriptions->setMatrix(m_data.subscriptions);
    // Wide enough for the whole grid, however long the house's category names.
    const int needed = m_subscriptions->sizeHint().width() + 4 * fontMetrics().horizontalAdvance(u'M') +
                       m_side->verticalScrollBar()->sizeHint().width();
    m_side->setMinimumWidth(qMax(m_side->minimumWidth(), needed));
}

void MarketingPanel::fill()
{
    QList<RecordTableModel::Row> mailings;
    int control = 0;
    for (const Models::Mailing &mailing : std::as_const(m_data.mailings)) {
        RecordTableModel::Row row;
        row.id = mailing.campaignId;
        row.muted = mailing.inControl;
        row.cells << text(mailing.name, tr("%1 (%2)").arg(mailing.name, mailing.campaignKey))
                  << text(Models::SubscriptionStore::channelLabel(mailing.channel))
                  << text(mailing.category.isEmpty() ? QStringLiteral("—") : mailing.category);
        if (mailing.inControl) {
            ++control;
            const QString held = tr("Control group: not sent");
            row.cells << RecordTableModel::Cell{held, QVariant::fromValue(Models::toEpoch(mailing.sentAt)),
                                                tr("The customer was held back as the campaign's control group, so "
                                                   "nothing was sent to them."),
                                                false}
                      << text(QStringLiteral("—")) << text(QStringLiteral("—"));
        } else {
            RecordTableModel::Cell opened = when(mailing.openedAt, tr("No"));
            if (mailing.opens > 1) {
                opened.text = tr("%1 (%2×)").arg(opened.text).arg(mailing.opens);
            }
            RecordTableModel::Cell clicked = when(mailing.clickedAt, tr("No"));
            if (mailing.clicks > 1) {
                clicked.text = tr("%1 (%2×)").arg(clicked.text).arg(mailing.clicks);
            }
            RecordTableModel::Cell sent = when(mailing.sentAt);
            if (mailing.bouncedAt.isValid()) {
                sent.text = tr("%1, bounced").arg(sent.text);
            }
            if (mailing.unsubscribedAt.isValid()) {
                clicked.toolTip = tr("Unsubscribed from it on %1").arg(Models::formatDateTime(mailing.unsubscribedAt));
            }
            row.cells << sent << opened << clicked;
        }
        mailings << row;
    }
    m_mailings->records()->setTable({tr("Campaign"), tr("Channel"), tr("Category"), tr("Sent"), tr("Opened"),
                                     tr("Clicked")},
                                    mailings);
    m_mailings->setStretchColumn(0);
    const int count = static_cast<int>(m_data.mailings.size());
    m_mailingBox->setTitle(!m_loaded ? tr("Mailings")
                           : control > 0
                               ? tr("Mailings (%1, of which %2 in a control group)").arg(count).arg(control)
                               : tr("Mailings (%1)").arg(count));

    QList<RecordTableModel::Row> promos;
    for (const Models::PromoCode &code : std::as_const(m_data.promoCodes)) {
        RecordTableModel::Row row;
        row.id = code.campaignId;
        RecordTableModel::Cell redeemed = when(code.redeemedAt, tr("Not yet"));
        if (!code.invoiceNo.isEmpty()) {
            redeemed.toolTip = tr("On invoice %1").arg(code.invoiceNo);
        }
        row.cells << text(code.code, code.description) << text(code.campaign.isEmpty() ? QStringLiteral("—") : code.campaign)
                  << when(code.issuedAt) << redeemed << text(code.reissued ? tr("Yes") : tr("No"));
        promos << row;
    }
    m_promos->records()->setTable({tr("Code"), tr("Campaign"), tr("Issued"), tr("Redeemed"), tr("Re-issued?")},
                                  promos);
    m_promos->setStretchColumn(1);

    QList<RecordTableModel::Row> polls;
    for (const Models::PollAnswer &answer : std::as_const(m_data.pollAnswers)) {
        RecordTableModel::Row row;
        row.id = answer.pollId;
        row.cells << text(answer.pollTitle) << text(answer.question, answer.question) << text(answer.answer, answer.answer)
                  << when(answer.answeredAt);
        polls << row;
    }
    m_polls->records()->setTable({tr("Poll"), tr("Question"), tr("Answer"), tr("Answered")}, polls);
    m_polls->setStretchColumn(1);

    QList<Chip> tags;
    for (const Models::OwnTag &tag : std::as_const(m_data.tags)) {
        tags << Chip{tag.name, tag.starred ? QStringLiteral("★ ") + tag.name : tag.name,
                     (tag.starred ? tr("Starred tag. ") : QString()) +
                         tr("Show every customer with the tag “%1”").arg(tag.name),
                     false};
    }
    m_tags->setChips(tags);
}

void MarketingPanel::showError(const Models::Error &error)
{
    m_loaded = false;
    m_data = {};
    fill();
    m_subscriptions->clear();
    m_status->setText(tr("The marketing data could not be loaded: %1").arg(error.message));
    m_status->setToolTip(error.detail);
    m_status->show();
}

void MarketingPanel::changeSubscription(const QString &channel, qint64 categoryId, bool subscribed)
{
    const qint64 customerId = m_customer.id;
    writeSubscriptions([customerId, channel, categoryId, subscribed](Models::Database &db) -> Models::Result<QString> {
        auto changed = Models::SubscriptionMatrixStore(db).setSubscribed(customerId, channel, categoryId, subscribed);
        if (!changed) {
            return changed.error();
        }
        return subscribed ? tr("Subscribed; saved.") : tr("Unsubscribed; saved.");
    });
}

void MarketingPanel::unsubscribeFromAll()
{
    const qint64 customerId = m_customer.id;
    writeSubscriptions([customerId](Models::Database &db) -> Models::Result<QString> {
        auto changed = Models::SubscriptionMatrixStore(db).unsubscribeFromAll(customerId);
        if (!changed) {
            return changed.error();
        }
        if (*changed == 0) {
            return tr("There was nothing to unsubscribe from.");
        }
        return *changed == 1 ? tr("Unsubscribed from all (1 subscription ended); saved.")
                             : tr("Unsubscribed from all (%1 subscriptions ended); saved.").arg(*changed);
    });
}

void MarketingPanel::writeSubscriptions(std::function<Models::Result<QString>(Models::Database &)> write)
{
    if (m_customer.id == 0 || m_saving) {
        return;
    }
    struct Outcome
    {
        QString message;
        std::optional<Models::Error> error;
        Models::SubscriptionMatrix matrix;
    };
    m_saving = true;
    m_subscriptions->setBusy(true);
    m_subscriptions->setMessage(tr("Saving…"), false);
    const qint64 customerId = m_customer.id;
    m_loader.run<Outcome>(
        m_writes, this,
        [customerId, write](Models::Database &db) -> Models::Result<Outcome> {
            Outcome outcome;
            auto written = write(db);
            if (written) {
                outcome.message = *written;
            } else {
                outcome.error = written.error();
            }
            // Whatever happened, show the matrix as it is stored now.
            auto matrix = Models::SubscriptionMatrixStore(db).load(customerId);
            if (!matrix) {
                return matrix.error();
            }
            outcome.matrix = *matrix;
            return outcome;
        },
        [this, customerId](const Models::Result<Outcome> &result) {
            m_saving = false;
            m_subscriptions->setBusy(false);
            if (customerId != m_customer.id) {
                return; // another customer is on screen by now; theirs loads on its own
            }
            if (!result) {
                m_subscriptions->setMatrix(m_data.subscriptions); // puts the box back as it was
                m_subscriptions->setMessage(result.error().message, true);
                m_subscriptions->message()->setToolTip(result.error().detail);
                Q_EMIT subscriptionsSaved(false);
                return;
            }
            m_data.subscriptions = result->matrix;
            m_subscriptions->setMatrix(result->matrix);
            if (result->error) {
                m_subscriptions->setMessage(result->error->message, true);
                m_subscriptions->message()->setToolTip(result->error->detail);
            } else {
                m_subscriptions->setMessage(result->message, false);
                m_subscriptions->message()->setToolTip({});
            }
            Q_EMIT subscriptionsSaved(!result->error);
        });
}

} // namespace Gavel::Ui
