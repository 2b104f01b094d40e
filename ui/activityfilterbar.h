#pragma once

#include "activitystore.h"

#include <QWidget>

class QCheckBox;
class QPushButton;

namespace Gavel::Ui {

/// The timeline's category filter: a check box per category (icon and name) with All and None.
/// "Only invoices" takes two clicks: None, then Invoices (or a check box's context menu,
/// "Show Only Invoices").
class ActivityFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityFilterBar)

public:
    explicit ActivityFilterBar(QWidget *parent = nullptr);

    /// `filter` with the categories checked here (its words untouched).
    Models::ActivityFilter applyTo(Models::ActivityFilter filter) const;

    QCheckBox *checkBox(Models::EventCategory category) const;
    QPushButton *allButton() const { return m_all; }
    QPushButton *noneButton() const { return m_none; }

    /// Checks exactly these categories (without emitting changed()).
    void setCategories(const Models::ActivityFilter &filter);
    /// Checks only this category.
    void showOnly(Models::EventCategory category);

Q_SIGNALS:
    void changed();

private:
    void setAll(bool checked);

    QList<QCheckBox *> m_boxes; ///< in allEventCategories() order
    QPushButton *m_all = nullptr;
    QPushButton *m_none = nullptr;
};

} // namespace Gavel::Ui
