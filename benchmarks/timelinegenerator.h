#pragma once

#include <QString>
#include <QVariant>

#include <cstdint>
#include <random>

namespace Gavel::Benchmarks {

/// The shape of the benchmark's auction house.
struct TimelineShape
{
    qint64 customers = 1'000'000;
    qint64 events = 50'000'000;
    /// Every heavyEvery-th event belongs to the heavy customer: events / heavyEvery of them,
    /// spread evenly over the years and interleaved with everyone else's.
    qint64 heavyEvery = 1000;
    qint64 heavyCustomer = 424242;
    qint64 sales = 2000;
    qint64 lotsPerSale = 100;
    qint64 campaigns = 5000;
    qint64 categories = 100;
    qint64 tags = 10000;
    qint64 firstTs = 1420070400; ///< 2015-01-01 UTC
    qint64 lastTs = 1735689600;  ///< 2025-01-01 UTC

    qint64 heavyEvents() const { return events / heavyEvery; }
    /// A key describing the shape, stored in the database so that a later run reuses it.
    QString key() const;
};

/// One row of events, as the generator makes it; null ids are 0.
struct GeneratedEvent
{
    qint64 customerId = 0;
    qint64 ts = 0;
    qint64 id = 0;
    int kind = 0;
    qint64 campaignId = 0;
    qint64 saleId = 0;
    qint64 lotId = 0;
    qint64 invoiceId = 0;
    qint64 refId = 0;
    bool hasAmount = false;
    qint64 amountMinor = 0;
    const QString *currency = nullptr;
    const QString *info = nullptr;
    const QString *details = nullptr;
};

/// An invoice the generator issues with an InvoiceIssued event (ids from 1 in order).
struct GeneratedInvoice
{
    qint64 id = 0;
    qint64 customerId = 0;
    qint64 saleId = 0;
    qint64 issuedAt = 0;
    qint64 totalMinor = 0;
};

/// Makes the events of the whole house in time order, the order they would arrive in: a
/// realistic mix of kinds, each referring to campaigns, lots, sales and invoices that exist.
/// Deterministic for a shape.
class TimelineGenerator final
{
public:
    explicit TimelineGenerator(const TimelineShape &shape);

    /// The `index`-th event of the house (call with 0, 1, 2… in order). An InvoiceIssued
    /// event also fills `invoice` and returns true in `newInvoice`.
    GeneratedEvent event(qint64 index, GeneratedInvoice *invoice, bool *newInvoice);

    /// The text planted in one old event of the heavy customer, for the rare-word search.
    static QString rareWord() { return QStringLiteral("quetzalcoatl"); }

private:
    int pickKind();
    qint64 pickCustomer();

    TimelineShape m_shape;
    std::mt19937_64 m_random;
    qint64 m_invoices = 0;
    qint64 m_heavyIndex = 0;
    QString m_currency;
    QList<QString> m_pages;
    QList<QString> m_links;
    QList<QString> m_calls;
    QList<QString> m_details;
    QString m_rare;
};

} // namespace Gavel::Benchmarks
