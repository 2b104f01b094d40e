#pragma once

#include "subscriptionmatrixstore.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QGridLayout;
class QLabel;
class QPushButton;

namespace Gavel::Ui {

/// A customer's subscriptions as a grid of check boxes: channels across (E-mail, SMS, Push,
/// Post), the active categories down, and "Unsubscribe from All". It only shows and asks:
/// the owner writes each change and hands back the matrix as stored. SMS check boxes are
/// disabled, with the reason beside them, when SMS cannot reach the customer (an
/// unsubscribe stays possible).
class SubscriptionMatrixWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubscriptionMatrixWidget)

public:
    explicit SubscriptionMatrixWidget(QWidget *parent = nullptr);

    void setMatrix(const Models::SubscriptionMatrix &matrix);
    void clear();
    /// While a change is being written nothing else can be changed.
    void setBusy(bool busy);
    /// A message under the grid ("Saved.", or why a change failed); empty hides it.
    void setMessage(const QString &text, bool error);

    const Models::SubscriptionMatrix &matrix() const { return m_matrix; }
    QCheckBox *checkBox(const QString &channel, qint64 categoryId) const;
    QPushButton *unsubscribeAllButton() const { return m_unsubscribeAll; }
    QLabel *smsNote() const { return m_smsNote; }
    QLabel *message() const { return m_message; }

Q_SIGNALS:
    void changeRequested(const QString &channel, qint64 categoryId, bool subscribed);
    void unsubscribeAllRequested();

private:
    void rebuild();
    void updateEnabled();

    Models::SubscriptionMatrix m_matrix;
    bool m_busy = false;
    bool m_hasCustomer = false;
    QGridLayout *m_grid = nullptr;
    QWidget *m_gridHost = nullptr;
    QHash<QString, QCheckBox *> m_boxes;
    QLabel *m_smsNote = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_unsubscribeAll = nullptr;
};

} // namespace Gavel::Ui
