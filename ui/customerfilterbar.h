#pragma once

#include <QString>
#include <QWidget>

class QComboBox;

namespace Gavel::Models {
class Database;
}

namespace Gavel::Ui {

/// The customer list's filters as a row of drop-downs: department, VIP, segment, label,
/// tag, subscription and contactability. Choosing one asks for the list place with the filter's
/// text (Models::CustomerFilter), so filters go into Back/Forward like any other place.
class CustomerFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerFilterBar)

public:
    explicit CustomerFilterBar(Models::Database &database, QWidget *parent = nullptr);

    /// Shows the choices of a place's filter text without asking for anything.
    void setPlaceText(const QString &text);
    /// Reads the departments, segments and labels again (they change in other windows).
    void refreshChoices();

    QComboBox *department() const { return m_department; }
    QComboBox *vip() const { return m_vip; }
    QComboBox *segment() const { return m_segment; }
    QComboBox *label() const { return m_label; }
    QComboBox *tag() const { return m_tag; }
    QComboBox *subscribed() const { return m_subscribed; }
    QComboBox *contactable() const { return m_contactable; }

Q_SIGNALS:
    /// The user chose a filter; empty text: every customer.
    void placeTextChosen(const QString &text);

private:
    QComboBox *addCombo(const QString &name, const QString &title, const QString &anyText);
    QString placeText() const;

    Models::Database &m_database;
    QList<QComboBox *> m_combos;
    QComboBox *m_department = nullptr;
    QComboBox *m_vip = nullptr;
    QComboBox *m_segment = nullptr;
    QComboBox *m_label = nullptr;
    QComboBox *m_tag = nullptr;
    QComboBox *m_subscribed = nullptr;
    QComboBox *m_contactable = nullptr;
    bool m_updating = false;
};

} // namespace Gavel::Ui
