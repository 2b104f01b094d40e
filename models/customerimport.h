#pragma once

#include "importevents.h"
#include "importhandler.h"
#include "importmerger.h"
#include "preparedstatements.h"

#include <QHash>

namespace Gavel::Models {

/// Customers (and one file of a Mailchimp audience export): matched by Customer ID, else by
/// e-mail; new ones created, existing ones updated field by field without losing edits made
/// in the app (ImportMerger). Subscription status, departments and tags are applied when
/// they change in the file: tags and departments are only ever added.
class CustomerImport final : public ImportHandler
{
public:
    explicit CustomerImport(ImportSession &session);

    Result<RowResult> handle(const ImportRow &row) override;
    Result<qint64> endBatch() override;

private:
    struct Subscription
    {
        QString channel;
        QString status;
        qint64 at = 0;
    };

    int field(const char *key) const { return importFieldIndex(m_session.kind, QString::fromLatin1(key)); }
    QString value(const ImportRow &row, int field) const { return field >= 0 ? row.value(field) : QString(); }
    Result<qint64> create(const QString &customerNo, const QString &email, const QVariantMap &values);
    Status updateSortName(qint64 id);
    Status subscribe(qint64 id, const Subscription &subscription);
    Status addDepartments(qint64 id, const QList<qint64> &departments);
    Status addTags(qint64 id, const QStringList &tags);
    Result<qint64> labelFor(const QString &name);

    ImportSession &m_session;
    ImportMerger m_merger;
    ImportEvents m_events;
    PreparedStatements m_statements;
    QHash<QString, qint64> m_labels;
    /// The plain text columns: field index → column.
    QList<std::pair<int, QString>> m_columns;
    int m_customerNo, m_email, m_subscription, m_smsSubscription, m_departments, m_tags;
    int m_optin, m_unsub, m_clean, m_status;
};

/// Splits a list cell: "a, b; c" and Mailchimp's quoted lists ("\"Editors\",\"Buyers\"").
QStringList splitImportList(const QString &cell);

} // namespace Gavel::Models
