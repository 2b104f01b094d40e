#include "subscriptionmatrixwidget.h"

#include "formatting.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Gavel::Ui {

using Models::SubscriptionMatrix;
using Models::SubscriptionStore;

SubscriptionMatrixWidget::SubscriptionMatrixWidget(QWidget *parent) : QWidget(parent)
{
    m_gridHost = new QWidget(this);
    m_grid = new QGridLayout(m_gridHost);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(fontMetrics().horizontalAdvance(u'M'));

    m_smsNote = new QLabel(this);
    m_smsNote->setObjectName(QStringLiteral("smsUnavailable"));
    m_smsNote->setWordWrap(true);
    m_smsNote->hide();

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("subscriptionMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    m_unsubscribeAll = new QPushButton(tr("&Unsubscribe from All"), this);
    m_unsubscribeAll->setObjectName(QStringLiteral("unsubscribeAll"));
    m_unsubscribeAll->setAutoDefault(false);
    m_unsubscribeAll->setToolTip(tr("Unsubscribe from every category on every channel; saved at once"));
    connect(m_unsubscribeAll, &QPushButton::clicked, this, &SubscriptionMatrixWidget::unsubscribeAllRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_unsubscribeAll);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_gridHost);
    layout->addWidget(m_smsNote);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addStretch(1);
    clear();
}

QCheckBox *SubscriptionMatrixWidget::checkBox(const QString &channel, qint64 categoryId) const
{
    return m_boxes.value(SubscriptionMatrix::key(channel, categoryId));
}

void SubscriptionMatrixWidget::clear()
{
    m_hasCustomer = false;
    m_matrix = {};
    rebuild();
    setMessage({}, false);
}

void SubscriptionMatrixWidget::setMatrix(const SubscriptionMatrix &matrix)
{
    m_hasCustomer = true;
    const bool sameShape = !m_boxes.isEmpty() && [&] {
        if (matrix.categories.size() != m_matrix.categories.size()) {
            return false;
        }
        for (int i = 0; i < matrix.categories.size(); ++i) {
            if (matrix.categories.at(i).id != m_matrix.categories.at(i).id) {
                return false;
            }
        }
        return true;
    }();
    m_matrix = matrix;
    if (!sameShape) {
        rebuild(); // the same grid is kept otherwise, so the keyboard focus stays on the box just changed
    }
    for (const SubscriptionMatrix::Category &category : std::as_const(m_matrix.categories)) {
        for (const QString &channel : SubscriptionMatrix::channels()) {
            QCheckBox *box = checkBox(channel, category.id);
            const SubscriptionMatrix::Cell cell = m_matrix.cell(channel, category.id);
            const QSignalBlocker blocker(box);
            box->setChecked(cell.status == u"subscribed");
            QString tip = tr("%1 by %2").arg(category.name, SubscriptionStore::channelLabel(channel));
            if (cell.status.isEmpty()) {
                tip += u'\n' + tr("Never subscribed.");
            } else {
                tip += u'\n' + (cell.status == u"subscribed" ? tr("Subscribed on %1") : tr("Unsubscribed on %1"))
                                   .arg(Models::formatDateTime(cell.changedAt));
                if (!cell.updatedBy.isEmpty()) {
                    tip += u' ' + tr("(by %1)").arg(cell.updatedBy);
                }
            }
            if (channel == u"sms" && !m_matrix.smsAvailable) {
                tip += u'\n' + m_matrix.smsUnavailableReason;
            }
            box->setToolTip(tip);
        }
    }
    if (m_matrix.smsAvailable) {
        m_smsNote->hide();
    } else {
        m_smsNote->setText(tr("⚠ SMS unavailable: %1").arg(m_matrix.smsUnavailableReason));
        m_smsNote->show();
    }
    updateEnabled();
}

void SubscriptionMatrixWidget::rebuild()
{
    qDeleteAll(m_gridHost->findChildren<QWidget *>(Qt::FindDirectChildrenOnly));
    m_boxes.clear();
    const QStringList channels = SubscriptionMatrix::channels();
    for (int c = 0; c < channels.size(); ++c) {
        auto *heading = new QLabel(QStringLiteral("<b>%1</b>").arg(SubscriptionStore::channelLabel(channels.at(c))),
                                   m_gridHost);
        heading->setAlignment(Qt::AlignCenter);
        m_grid->addWidget(heading, 0, c + 1);
    }
    int row = 1;
    for (const SubscriptionMatrix::Category &category : std::as_const(m_matrix.categories)) {
        auto *name = new QLabel(category.name, m_gridHost);
        name->setToolTip(category.description);
        m_grid->addWidget(name, row, 0);
        for (int c = 0; c < channels.size(); ++c) {
            const QString channel = channels.at(c);
            auto *box = new QCheckBox(m_gridHost);
            box->setObjectName(QStringLiteral("subscription_%1_%2").arg(channel, category.code));
            box->setAccessibleName(tr("%1 by %2").arg(category.name, SubscriptionStore::channelLabel(channel)));
            m_grid->addWidget(box, row, c + 1, Qt::AlignCenter);
            m_boxes.insert(SubscriptionMatrix::key(channel, category.id), box);
            const qint64 categoryId = category.id;
            connect(box, &QCheckBox::toggled, this, [this, box, channel, categoryId](bool checked) {
                if (m_busy) {
                    // One change at a time; the boxes stay enabled so the keyboard focus stays put.
                    const QSignalBlocker blocker(box);
                    box->setChecked(!checked);
                    return;
                }
                Q_EMIT changeRequested(channel, categoryId, checked);
            });
        }
        ++row;
    }
    if (m_hasCustomer && m_matrix.categories.isEmpty()) {
        auto *none = new QLabel(tr("The house offers no subscription categories (Settings)."), m_gridHost);
        none->setWordWrap(true);
        m_grid->addWidget(none, 1, 0, 1, static_cast<int>(channels.size()) + 1);
    }
    m_grid->setColumnStretch(0, 1);
    updateEnabled();
}

void SubscriptionMatrixWidget::updateEnabled()
{
    for (auto it = m_boxes.cbegin(); it != m_boxes.cend(); ++it) {
        const bool sms = it.key().startsWith(QStringLiteral("sms:"));
        // A customer SMS cannot reach can still be unsubscribed from what they had.
        const bool possible = m_hasCustomer && (!sms || m_matrix.smsAvailable || it.value()->isChecked());
        it.value()->setEnabled(possible);
    }
    m_unsubscribeAll->setEnabled(m_hasCustomer && !m_busy && m_matrix.subscribedCount() > 0);
}

void SubscriptionMatrixWidget::setBusy(bool busy)
{
    m_busy = busy;
    updateEnabled();
}

void SubscriptionMatrixWidget::setMessage(const QString &text, bool error)
{
    m_message->setText(error ? tr("⚠ %1").arg(text) : text);
    m_message->setVisible(!text.isEmpty());
}

} // namespace Gavel::Ui
