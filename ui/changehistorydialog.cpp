#include "changehistorydialog.h"

#include "database.h"
#include "sidebarattributes.h"
#include "subscriptionstore.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Gavel::Ui {

namespace {

QString fieldLabel(const QString &column)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("customer_no"), QT_TRANSLATE_NOOP("Gavel::Ui::ChangeHistoryDialog", "Customer ID")},
        {QStringLiteral("title"), QT_TRANSLATE_NOOP("Gavel::Ui::ChangeHistoryDialog", "Title")},
        {QStringLiteral("first_name"), QT_TRANSLATE_NOOP("Gavel::Ui::ChangeHistoryDialog", "First name")},
        {QStringLiteral("last_name"), QT_TRANSLATE_NOOP("Gavel::Ui::ChangeHistoryDialog", "Last name")},
        {QStringLiteral("company"), QT_TRANSLATE_NOOP("Gavel::Ui::ChangeHistoryDialog", "Company")},
        {QStringLiteral("email"), QT_TRANSLATE_NOOP("Gavel::Ui::ChangeHistoryDialog", "E-mail")},
        {QStringLiteral("phone"), QT_TRANSLATE_NOOP("Gavel::Ui::ChangeHistoryDialog", "Phone")},
        {QStringLiteral("sms_number"), QT_TRANSLATE_NOOP("Gavel::Ui::ChangeHistoryDialog", "SMS number")},
        {QStringLiteral("address_line1"), QT_TRANSLATE_NOOP("Gavel::Ui::ChangeHistoryDialog", "Address")},
        {QStringLiteral("address_line2"), QT_TRANSLATE_NOOP("Gavel::Ui::ChangeHistoryDialog", "Address line 2")},
        {QStringLiteral("city"), QT_TRANSLATE_NOOP("Gavel::Ui::ChangeHistoryDialog", "City")},
        {QStringLiteral("region"), QT_TRANSLATE_NOOP("Gavel::Ui::ChangeHistoryDialog", "Region")},
        {QStringLiteral("postal_code"), QT_TRANSLATE_NOOP("Gavel::Ui::ChangeHistoryDialog", "Postcode")},
        {QStringLiteral("country"), QT_TRANSLATE_NOOP("Gavel::Ui::ChangeHistoryDialog", "Country")},
        {QStringLiteral("gender"), QT_TRANSLATE_NOOP("Gavel::Ui::ChangeHistoryDialog", "Gender")},
        {QStringLiteral("birth_date"), QT_TRANSLATE_NOOP("Gavel::Ui::ChangeHistoryDialog", "Date of birth")},
        {QStringLiteral("language"), QT_TRANSLATE_NOOP("Gavel::Ui::ChangeHistoryDialog", "Language")},
        {QStringLiteral("registered_at"), QT_TRANSLATE_NOOP("Gavel::Ui::ChangeHistoryDialog", "Registered")},
        {QStringLiteral("vip"), QT_TRANSLATE_NOOP("Gavel::Ui::ChangeHistoryDialog", "VIP")},
        {QStringLiteral("source"), QT_TRANSLATE_NOOP("Gavel::Ui::ChangeHistoryDialog", "Source")},
    };
    const char *label = labels.value(column);
    return label ? ChangeHistoryDialog::tr(label) : column;
}

} // namespace

QString ChangeHistoryDialog::describe(const Models::AuditEntry &entry)
{
    if (entry.entity == u"customer") {
        if (entry.action == u"create") {
            return tr("Customer created");
        }
        if (entry.action == u"export") {
            return tr("Profile exported");
        }
        if (entry.action == u"update") {
            return fieldLabel(entry.field);
        }
    }
    if (entry.entity == u"customer_department") {
        return entry.action == u"delete" ? tr("Department removed") : tr("Department added");
    }
    if (entry.entity == u"subscription") {
        // field is "<channel>:<category code>"
        const QString channel = entry.field.section(u':', 0, 0);
        return tr("%1 subscription: %2")
            .arg(Models::SubscriptionStore::channelLabel(channel), entry.field.section(u':', 1));
    }
    return entry.field.isEmpty() ? tr("%1 (%2)").arg(entry.entity, entry.action)
                                 : tr("%1: %2").arg(entry.entity, entry.field);
}

ChangeHistoryDialog::ChangeHistoryDialog(Models::Loader &loader, const Models::Customer &customer, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("changeHistoryDialog"));
    setWindowTitle(tr("Change History – %1").arg(customer.displayName()));
    m_status = new QLabel(tr("Loading…"), this);
    m_status->setObjectName(QStringLiteral("changeHistoryStatus"));
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("changeHistoryTable"));
    m_table->setHorizontalHeaderLabels({tr("When"), tr("Who"), tr("What"), tr("Before"), tr("After")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    const int em = fontMetrics().horizontalAdvance(u'M');
    resize(70 * em, 32 * em);

    const qint64 id = customer.id;
    m_generation.renew();
    loader.run<QList<Models::AuditEntry>>(
        m_generation, this, [id](Models::Database &db) { return Models::AuditStore(db.connection()).forCustomer(id); },
        [this](const Models::Result<QList<Models::AuditEntry>> &result) {
            if (!result) {
                m_status->setText(result.error().message);
                m_status->setToolTip(result.error().detail);
            } else {
                show(*result);
            }
            Q_EMIT loaded();
        });
}

void ChangeHistoryDialog::show(const QList<Models::AuditEntry> &entries)
{
    m_status->setText(entries.isEmpty() ? tr("No changes recorded.")
                                        : (entries.size() == 1 ? tr("1 change, newest first.")
                                                               : tr("%1 changes, newest first.").arg(entries.size())));
    m_table->setRowCount(int(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        const Models::AuditEntry &entry = entries.at(row);
        const QStringList cells = {QLocale().toString(entry.at.toLocalTime(), QLocale::ShortFormat), entry.actor,
                                   describe(entry), entry.oldValue, entry.newValue};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
    if (m_table->rowCount() > 0) {
        m_table->setCurrentCell(0, 0);
    }
    m_table->setFocus();
}

} // namespace Gavel::Ui
