#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

#include <initializer_list>
#include <vector>

namespace Gavel::Models::Demo {

/// The rows of one table for a chunk of customers, as bound values in column order.
class RowBuffer final
{
public:
    RowBuffer(QString table, QStringList columns) : m_table(std::move(table)), m_columns(std::move(columns)) {}

    void add(std::initializer_list<QVariant> values)
    {
        Q_ASSERT(static_cast<qsizetype>(values.size()) == m_columns.size());
        m_values.insert(m_values.end(), values.begin(), values.end());
    }
    const QString &table() const { return m_table; }
    const QStringList &columns() const { return m_columns; }
    const std::vector<QVariant> &values() const { return m_values; }
    qint64 rowCount() const { return static_cast<qint64>(m_values.size()) / m_columns.size(); }
    void clear() { m_values.clear(); }

private:
    QString m_table;
    QStringList m_columns;
    std::vector<QVariant> m_values;
};

/// One timeline event. Zero ids mean NULL; the amount is NULL unless hasAmount.
struct EventRow
{
    qint64 customer = 0;
    qint64 ts = 0;
    qint64 id = 0;
    int kind = 0;
    qint64 campaign = 0;
    qint64 sale = 0;
    qint64 lot = 0;
    qint64 invoice = 0;
    qint64 ref = 0;
    qint64 amount = 0;
    bool hasAmount = false;
    QString info;
    QString details;
};

/// Everything a chunk of customers adds to the tables that depend on customers, and the
/// links to set on lots afterwards (a lot is written before its consignor is).
struct Chunk
{
    Chunk();

    /// The buffers in the order their rows may be written (parents before children).
    std::vector<RowBuffer *> inWriteOrder();
    void clear();
    qint64 rowCount() const;

    RowBuffer customers;
    RowBuffer customerDepartments;
    RowBuffer customerLabels;
    RowBuffer subscriptions;
    RowBuffer consignments;
    RowBuffer saleRegistrations;
    RowBuffer bids;
    RowBuffer wishlists;
    RowBuffer invoices;
    RowBuffer invoiceLines;
    RowBuffer baskets;
    RowBuffer basketItems;
    RowBuffer promoCodes;
    RowBuffer loyalty;
    RowBuffer campaignRecipients;
    RowBuffer pollAnswers;
    RowBuffer customerTags;
    RowBuffer notes;
    std::vector<EventRow> events;
    /// (lot id, consignment id)
    std::vector<std::pair<qint64, qint64>> lotConsignments;
};

} // namespace Gavel::Models::Demo
