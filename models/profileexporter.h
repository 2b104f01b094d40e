#pragma once

#include "result.h"

#include <QDate>
#include <QJsonValue>
#include <QString>

#include <functional>
#include <vector>

class QDateTime;
class QIODevice;

namespace Gavel::Models {

class Database;
class JsonStreamWriter;

struct ExportOptions
{
    /// The day computed figures are reckoned from ("days since the last purchase");
    /// invalid means today (UTC). It does not filter rows: the export holds everything.
    QDate asOf;
};

/// The subject-access export: everything the database holds about one customer, as one
/// UTF-8 JSON document, for `gavel export --customer ID --format json` and File → Export
/// profile….
///
/// The document (format "gavel-profile-export", formatVersion 1) is an object with, in
/// this order: format, formatVersion, exportedAt, asOf, schemaVersion, customer, then one
/// array per kind of record — departments, bids, lotsBought, wishlists, consignments (each
/// with its lots), saleRegistrations, invoices (each with its lines), campaignMemberships,
/// subscriptions, promoCodes, pollAnswers, baskets (each with its items), loyaltyLedger,
/// labels, segmentMemberships, tags, notes, events, auditLog — then the sections added with
/// addSection(), in the order they were added. Every array is present, empty if need be.
///
/// Values, the same everywhere:
/// - keys are camelCase; a NULL column is null; every row has all its keys;
/// - times are ISO 8601 in UTC, "2024-03-01T18:30:00Z"; an unset time (NULL or 0) is null;
/// - calendar dates (birthDate, asOf) are "YYYY-MM-DD", or null;
/// - money is an object {"currency": "GBP", "minor": 125000}: an integer in the currency's
///   minor units (pence, cents; yen have none) and the ISO 4217 code; null when no amount.
///   customer.totalSpent is in the house currency;
/// - flags are true/false; tag weights are numbers;
/// - the local integer ids never appear: a row is identified by its uuid or external key
///   (customerNo, saleNo + lotNo, invoiceNo, campaignKey, pollKey, consignmentNo), and a
///   reference by what it points at (saleNo, lotNo, campaignKey, invoiceNo, a department's,
///   category's or venue's name, a subscription category's code). A reference whose row is
///   gone is null. Event refs the schema does not type (events.ref_id) are left out;
/// - events: kind is the stable key of eventKindKey() ("email_opened"); details is the
///   parsed JSON when it is valid JSON, else the stored text;
/// - notes include deleted ones (deleted: true, deletedAt), as this is a subject-access export;
/// - what identifies another customer is left out: the consignor of a lot bought, the buyer
///   of a consigned lot, and an invoice number that belongs to someone else.
///
/// Rows are ordered by their time, then by their key (and, for baskets and the loyalty
/// ledger, which have no key, by the order they were stored), so two exports of the same
/// data are byte-identical apart from exportedAt. Each row is one line; the document is
/// written row by row, so memory stays flat however long the timeline.
///
/// All of it is read inside one read-only snapshot (Transaction::Kind::ReadSnapshot), so
/// the sections agree with each other even while others write.
///
/// Every export is recorded in the audit log (action "export", entity "customer", actor
/// Database::actor()) after the document is written, with its outcome; also a failed one,
/// as part of the data may have been written. Because the entry is written after the
/// snapshot was read, an export never lists itself in its auditLog; the next export of the
/// same customer lists it, as who took a copy of someone's data is itself about them.
class ProfileExporter final
{
public:
    /// Computes one extra top-level section for the customer, read inside the export's
    /// snapshot (read only). customerId is the local id, for queries; it must not appear in
    /// the value. asOf is the export's resolved ExportOptions::asOf. An error stops the export.
    using SectionWriter = std::function<Result<QJsonValue>(const Database &, qint64 customerId, QDate asOf)>;

    static constexpr int kFormatVersion = 1;

    explicit ProfileExporter(const Database &database);

    /// Writes the export of the customer with this Customer ID (customers.customer_no) to `out`,
    /// which must be open for writing. Fails with ErrorKind::NotFound (naming the ID) when there
    /// is no such customer, with ErrorKind::Invalid when an added section's key is empty or
    /// taken, and with an error naming the problem when `out` cannot be written (a full disk).
    ///
    /// On failure `out` may hold a partial document: write to a QSaveFile and commit it only
    /// when this succeeds. This also fails when the export cannot be recorded in the audit
    /// log; the output must then be discarded too, as no copy may leave without a trace.
    Status exportJson(const QString &customerNo, QIODevice &out, const ExportOptions &options = {});

    /// Adds a top-level section `key` (camelCase, not one of the built-in keys) to every
    /// export, after the built-in ones: for later figures (metrics, RFM, interests…).
    void addSection(const QString &key, SectionWriter writer);

private:
    struct Section
    {
        QString key;
        SectionWriter writer;
    };

    Status checkSections() const;
    Status writeDocument(JsonStreamWriter &writer, qint64 customerId, const QDateTime &exportedAt, QDate asOf);

    const Database &m_database;
    std::vector<Section> m_sections;
};

} // namespace Gavel::Models
