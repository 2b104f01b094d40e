#include "importer.h"

#include "bidimport.h"
#include "consignmentimport.h"
#include "csvreader.h"
#include "customerimport.h"
#include "database.h"
#include "deferredindexes.h"
#include "engagementimport.h"
#include "importhandler.h"
#include "importresolver.h"
#include "invoiceimport.h"
#include "legendimport.h"
#include "lotimport.h"
#include "settingsstore.h"
#include "sql.h"
#include "transaction.h"
#include "zipreader.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

#include <memory>

namespace Gavel::Models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Importer", text);
}

constexpr qint64 kSniffBytes = 64 * 1024;
/// Above this size a bids or wishlist file loads with the secondary indexes set aside.
constexpr qint64 kDeferIndexesBytes = 16 * 1024 * 1024;
/// Such a bulk load on SQLite commits every this many rows (unless told a batch size)...
constexpr int kBulkBatchRows = 250'000;
/// ...or after this long, whichever comes first. Each commit writes every page the batch
/// touched, and bids (unique key by lot) and events (clustered by customer) touch pages all
/// over the file: 20,000-row batches doubled the database's CPU time for 1M bids against
/// one transaction, 200,000-row batches added 7 %. The time limit keeps the write lock
/// short enough for the others' busy timeout (5 s) on a loaded machine.
constexpr qint64 kBulkBatchMilliseconds = 1'000;

std::unique_ptr<ImportHandler> makeHandler(ImportSession &session)
{
    switch (session.kind) {
    case ImportKind::Customers:
    case ImportKind::Mailchimp:
        return std::make_unique<CustomerImport>(session);
    case ImportKind::Legend:
        return std::make_unique<LegendImport>(session);
    case ImportKind::Lots:
        return std::make_unique<LotImport>(session);
    case ImportKind::Bids:
    case ImportKind::Wishlists:
        return std::make_unique<BidImport>(session);
    case ImportKind::Consignments:
        return std::make_unique<ConsignmentImport>(session);
    case ImportKind::Invoices:
        return std::make_unique<InvoiceImport>(session);
    case ImportKind::CampaignEvents:
    case ImportKind::SmsEvents:
    case ImportKind::WebEvents:
        return std::make_unique<EngagementImport>(session);
    }
    return nullptr;
}

/// One CSV to read: a file on disk or an entry of a ZIP.
struct Source
{
    QString name;
    std::unique_ptr<QIODevice> device;
    qint64 size = 0;
};

Result<std::vector<Source>> openSources(const QString &path, ImportKind kind)
{
    std::vector<Source> sources;
    const QString fileName = QFileInfo(path).fileName();
    if (kind == ImportKind::Mailchimp && ZipReader::isZip(path)) {
        auto entries = ZipReader::entries(path);
        if (!entries) {
            return entries.error();
        }
        for (const QString &entry : std::as_const(*entries)) {
            if (!entry.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)) {
                continue;
            }
            auto content = ZipReader::read(path, entry);
            if (!content) {
                return content.error();
            }
            auto buffer = std::make_unique<QBuffer>();
            buffer->setData(*content);
            buffer->open(QIODevice::ReadOnly);
            sources.push_back({entry, std::move(buffer), content->size()});
        }
        if (sources.empty()) {
            return Error::make(ErrorKind::Invalid,
                               tr("“%1” holds no CSV files; a Mailchimp audience export holds subscribed, "
                                  "unsubscribed and cleaned CSV files.")
                                   .arg(fileName));
        }
        return sources;
    }
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        return Error::make(ErrorKind::NotFound, tr("“%1” cannot be opened: %2").arg(path, file->errorString()));
    }
    const qint64 size = file->size();
    sources.push_back({fileName, std::move(file), size});
    return sources;
}

Result<CsvFormat> formatOf(QIODevice &device, const QString &name, std::optional<CsvFormat::Encoding> encoding,
                           std::optional<QChar> delimiter)
{
    const QByteArray head = device.peek(kSniffBytes);
    auto format = CsvFormat::detect(head, name);
    if (!format) {
        return format.error();
    }
    if (encoding) {
        format->encoding = *encoding;
    }
    if (delimiter) {
        format->delimiter = *delimiter;
    }
    return format;
}

Result<QStringList> readHeaders(CsvReader &reader, const QString &name)
{
    QStringList headers;
    auto read = reader.next(headers);
    if (!read) {
        return Error::make(ErrorKind::Invalid, tr("“%1” cannot be read as CSV. %2").arg(name, read.error().message));
    }
    if (!*read) {
        return Error::make(ErrorKind::Invalid, tr("“%1” is empty: there is nothing to import.").arg(name));
    }
    if (!headers.isEmpty() && headers.first().startsWith(QChar(0xFEFF))) {
        headers.first().remove(0, 1);
    }
    for (QString &header : headers) {
        header = header.trimmed();
    }
    return headers;
}

/// Imports one CSV into the report; false in `stop` when the person cancelled.
class Run final
{
public:
    Run(Database &database, const ImportOptions &options, const Importer::Progress &progress, ImportReport &report)
        : m_database(database), m_options(options), m_progress(progress), m_report(report), m_resolver(database)
    {
    }

    Status source(Source &source, qint64 totalBytes, qint64 bytesBefore, bool &stop);
    /// Foreign keys are off for the load (SQLite): the resolver's cached ids are then only
    /// trusted while no other connection has written (see checkOtherWriters).
    void watchOtherWriters() { m_watchOtherWriters = true; }
    /// Bigger batches, bounded by time, when no batch size was asked for (kBulkBatchRows).
    void useBulkBatches() { m_bulkBatches = m_options.batchRows <= 0; }
    Status finishStrict(bool cancelled);

private:
    struct Counts
    {
        qint64 rowsRead = 0, created = 0, updated = 0, unchanged = 0, rejected = 0;
        qsizetype listed = 0;
    };
    Counts counts() const
    {
        return {m_report.rowsRead,  m_report.created,  m_report.updated,
                m_report.unchanged, m_report.rejected, m_report.rejects.size()};
    }
    void restore(const Counts &counts)
    {
        m_report.rowsRead = counts.rowsRead;
        m_report.created = counts.created;
        m_report.updated = counts.updated;
        m_report.unchanged = counts.unchanged;
        m_report.rejected = counts.rejected;
        m_report.rejects.resize(counts.listed);
    }
    void reject(const QString &file, qint64 line, const QString &column, const QString &reason,
                const QStringList &values)
    {
        ++m_report.rejected;
        if (m_report.rejects.size() < ImportReport::kMaxListedRejects) {
            m_report.rejects.append({file, line, column, reason, values});
        }
    }
    Status endBatch(ImportHandler &handler, qint64 &added);
    Status checkOtherWriters();

    Database &m_database;
    const ImportOptions &m_options;
    const Importer::Progress &m_progress;
    ImportReport &m_report;
    ImportResolver m_resolver;
    std::unique_ptr<Transaction> m_strictTransaction;
    bool m_anyCommitted = false;
    bool m_watchOtherWriters = false;
    bool m_bulkBatches = false;
    QVariant m_dataVersion;
};

Status Run::checkOtherWriters()
{
    if (!m_watchOtherWriters) {
        return {};
    }
    // Called at the start of each batch, inside its transaction: SQLite's BEGIN IMMEDIATE
    // holds the write lock, so nobody can delete a customer or lot until the commit. Between
    // batches somebody may have: data_version changes when another connection commits, and
    // then every id is looked up again.
    auto version = Sql::scalar(m_database.connection(), QStringLiteral("PRAGMA data_version"), {},
                               tr("checking for changes by others"));
    if (!version) {
        return version.error();
    }
    if (m_dataVersion.isValid() && m_dataVersion != *version) {
        m_resolver.forget();
    }
    m_dataVersion = *version;
    return {};
}

Status Run::endBatch(ImportHandler &handler, qint64 &added)
{
    auto inserted = handler.endBatch();
    if (!inserted) {
        return inserted.error();
    }
    m_report.created += *inserted;
    m_report.unchanged += added - *inserted;
    added = 0;
    return {};
}

Status Run::source(Source &source, qint64 totalBytes, qint64 bytesBefore, bool &stop)
{
    auto format = formatOf(*source.device, source.name, m_options.encoding, m_options.delimiter);
    if (!format) {
        return format.error();
    }
    CsvReader reader(source.device.get(), format->delimiter, format->decoder());
    auto headers = readHeaders(reader, source.name);
    if (!headers) {
        return headers.error();
    }
    if (m_report.headers.isEmpty()) {
        m_report.headers = *headers;
    }
    const ImportMapping mapping =
        m_options.mapping ? *m_options.mapping : ImportMapping::automatic(m_options.kind, *headers);
    if (const QStringList missing = mapping.missingRequired(m_options.kind, *headers); !missing.isEmpty()) {
        return Error::make(ErrorKind::Invalid,
                           tr("“%1” has no column for %2. Choose the columns in the mapping, or give a value for "
                              "every row.")
                               .arg(source.name, missing.join(QStringLiteral(", "))));
    }
    const QList<ImportField> &fields = importFields(m_options.kind);
    std::vector<int> columnOf(static_cast<size_t>(fields.size()), -1);
    QStringList fixed;
    QStringList columnNames;
    for (qsizetype f = 0; f < fields.size(); ++f) {
        const QString header = mapping.columns.value(fields.at(f).key);
        columnOf[static_cast<size_t>(f)] = header.isEmpty() ? -1 : static_cast<int>(headers->indexOf(header));
        fixed << mapping.fixedValues.value(fields.at(f).key).trimmed();
        columnNames << (header.isEmpty() ? fields.at(f).label : header);
    }

    ImportSession session{m_database,
                          m_resolver,
                          m_options.kind,
                          m_database.actor(),
                          QDateTime::currentSecsSinceEpoch(),
                          SettingsStore(m_database).houseCurrency(),
                          source.name};
    std::unique_ptr<ImportHandler> handler = makeHandler(session);

    const int batchRows = m_options.batchRows > 0 ? m_options.batchRows
                          : m_bulkBatches           ? kBulkBatchRows
                                                    : Importer::kDefaultBatchRows;
    std::unique_ptr<Transaction> batch;
    QElapsedTimer batchClock;
    const auto beginBatch = [&]() -> Status {
        if (m_options.strict) {
            if (!m_strictTransaction) {
                m_strictTransaction = std::make_unique<Transaction>(m_database.connection());
                if (!m_strictTransaction->isActive()) {
                    return m_strictTransaction->status();
                }
                return checkOtherWriters();
            }
            return m_strictTransaction->status();
        }
        batch = std::make_unique<Transaction>(m_database.connection());
        if (!batch->isActive()) {
            return batch->status();
        }
        batchClock.start();
        return checkOtherWriters();
    };
    if (Status status = beginBatch(); !status) {
        return status;
    }
    if (Status status = handler->begin(); !status) {
        return status;
    }
    Counts committed = counts();
    qint64 lastLine = 1;
    qint64 added = 0;
    int inBatch = 0;
    QStringList values;
    const QString stage = tr("Importing %1").arg(source.name);
    for (;;) {
        // The next batch begins with its first row, so that between batches (and during the
        // progress report at a batch's end) no transaction is open and others can write.
        if (!m_options.strict && !batch) {
            if (Status status = beginBatch(); !status) {
                return status;
            }
        }
        auto read = reader.next(values);
        if (!read) {
            // A broken quote ends what can be read: the rows before it still import.
            ++m_report.rowsRead;
            reject(source.name, reader.recordLine() + 1, {}, read.error().message, {});
            break;
        }
        if (!*read) {
            break;
        }
        ++m_report.rowsRead;
        lastLine = reader.recordLine();
        const ImportRow row(values, columnOf, fixed, lastLine);
        auto result = handler->handle(row);
        if (!result) {
            return result.error();
        }
        switch (result->kind) {
        case RowResult::Kind::Created:
            ++m_report.created;
            break;
        case RowResult::Kind::Updated:
            ++m_report.updated;
            break;
        case RowResult::Kind::Unchanged:
            ++m_report.unchanged;
            break;
        case RowResult::Kind::Added:
            ++added;
            break;
        case RowResult::Kind::Rejected:
            reject(source.name, lastLine, result->field >= 0 ? columnNames.at(result->field) : QString(),
                   result->reason, values);
            break;
        }
        ++inBatch;
        const bool batchFull = inBatch >= batchRows ||
                               (m_bulkBatches && (inBatch & 1023) == 0 && batchClock.hasExpired(kBulkBatchMilliseconds));
        if (batchFull) {
            if (Status status = endBatch(*handler, added); !status) {
                return status;
            }
            if (!m_options.strict) {
                if (Status status = batch->commit(); !status) {
                    return status;
                }
                m_anyCommitted = true;
                committed = counts();
                m_report.committedThroughLine = lastLine;
                batch.reset();
            }
            inBatch = 0;
        }
        if ((m_report.rowsRead & 1023) == 0 && m_progress) {
            const qint64 position = bytesBefore + source.device->pos();
            const qint64 estimate = position > 0 ? m_report.rowsRead * totalBytes / position : m_report.rowsRead;
            if (!m_progress(m_report.rowsRead, std::max(estimate, m_report.rowsRead), stage)) {
                stop = true;
                break;
            }
        }
    }
    if (stop) {
        if (!m_options.strict) {
            batch.reset(); // rolls the unfinished batch back
            restore(committed);
            m_report.outcome =
                m_anyCommitted ? ImportReport::Outcome::CancelledAtBatch : ImportReport::Outcome::RolledBack;
        }
        return {};
    }
    if (Status status = endBatch(*handler, added); !status) {
        return status;
    }
    if (!m_options.strict) {
        if (Status status = batch->commit(); !status) {
            return status;
        }
        m_anyCommitted = true;
        m_report.committedThroughLine = lastLine;
    }
    return {};
}

Status Run::finishStrict(bool cancelled)
{
    if (!m_options.strict || !m_strictTransaction) {
        return {};
    }
    if (cancelled || m_report.rejected > 0) {
        m_strictTransaction.reset();
        m_report.outcome = ImportReport::Outcome::RolledBack;
        m_report.created = m_report.updated = m_report.unchanged = 0;
        return {};
    }
    Status status = m_strictTransaction->commit();
    m_strictTransaction.reset();
    return status;
}

} // namespace

Result<ImportPreview> Importer::preview(const QString &filePath, ImportKind kind,
                                        std::optional<CsvFormat::Encoding> encoding, std::optional<QChar> delimiter,
                                        int rowCount)
{
    ImportPreview preview;
    auto sources = openSources(filePath, kind);
    if (!sources) {
        return sources.error();
    }
    for (const Source &source : *sources) {
        preview.entries << source.name;
    }
    Source &first = sources->front();
    auto format = formatOf(*first.device, first.name, encoding, delimiter);
    if (!format) {
        return format.error();
    }
    preview.format = *format;
    CsvReader reader(first.device.get(), format->delimiter, format->decoder());
    auto headers = readHeaders(reader, first.name);
    if (!headers) {
        return headers.error();
    }
    preview.headers = *headers;
    QStringList values;
    while (preview.rows.size() < rowCount) {
        auto read = reader.next(values);
        if (!read || !*read) {
            break;
        }
        preview.rows << values;
    }
    return preview;
}

Result<ImportReport> Importer::run(Database &database, const ImportOptions &options, const Progress &progress)
{
    QElapsedTimer clock;
    clock.start();
    auto sources = openSources(options.filePath, options.kind);
    if (!sources) {
        return sources.error();
    }
    qint64 totalBytes = 0;
    for (const Source &source : *sources) {
        totalBytes += source.size;
    }
    ImportReport report;
    Run run(database, options, progress, report);

    std::unique_ptr<DeferredIndexes> deferred;
    if ((options.kind == ImportKind::Bids || options.kind == ImportKind::Wishlists) &&
        totalBytes > kDeferIndexesBytes && !options.strict) {
        Transaction transaction(database.connection());
        if (!transaction.isActive()) {
            return transaction.error();
        }
        auto dropped = DeferredIndexes::drop(database.connection(), database.dialect(),
                                             {QStringLiteral("bids"), QStringLiteral("wishlists")});
        if (!dropped) {
            return dropped.error();
        }
        if (Status status = transaction.commit(); !status) {
            return status.error();
        }
        deferred = std::move(*dropped);
    }

    // A bigger page cache for the load: the timeline's clustered key puts each event next to
    // its customer's others, all over the file; with 32 MB SQLite writes pages back and reads
    // them again. Restored afterwards.
    QVariant cacheSize;
    if (database.dialect().isSqlite()) {
        auto current = Sql::scalar(database.connection(), QStringLiteral("PRAGMA cache_size"), {},
                                   QStringLiteral("preparing the import"));
        if (current) {
            cacheSize = *current;
            (void)Sql::exec(database.connection(), QStringLiteral("PRAGMA cache_size = -262144"), {},
                            QStringLiteral("preparing the import"));
        }
    }
    const auto restoreCache = qScopeGuard([&] {
        if (cacheSize.isValid()) {
            // PRAGMA takes no bound values; the number was read from SQLite itself.
            (void)Sql::exec(database.connection(), QStringLiteral("PRAGMA cache_size = %1").arg(cacheSize.toLongLong()),
                            {}, QStringLiteral("finishing the import"));
        }
    });

    // Bids and wishlists refer only to customers and lots the resolver has just found, so
    // SQLite's foreign-key checks (a lookup of the customer and the lot for every bid and its
    // event) are left out of the load; the resolver looks again whenever another connection
    // has written (Run::checkOtherWriters). The pragma only changes outside a transaction.
    bool foreignKeysOff = false;
    if (database.dialect().isSqlite() && (options.kind == ImportKind::Bids || options.kind == ImportKind::Wishlists)) {
        auto enforced = Sql::scalar(database.connection(), QStringLiteral("PRAGMA foreign_keys"), {},
                                    QStringLiteral("preparing the import"));
        if (enforced && enforced->toInt() == 1 &&
            Sql::exec(database.connection(), QStringLiteral("PRAGMA foreign_keys = OFF"), {},
                      QStringLiteral("preparing the import"))) {
            auto off = Sql::scalar(database.connection(), QStringLiteral("PRAGMA foreign_keys"), {},
                                   QStringLiteral("preparing the import"));
            foreignKeysOff = off && off->toInt() == 0;
        }
        if (foreignKeysOff) {
            run.watchOtherWriters();
        }
        if (deferred) {
            run.useBulkBatches();
        }
    }
    const auto restoreForeignKeys = qScopeGuard([&] {
        if (foreignKeysOff) {
            (void)Sql::exec(database.connection(), QStringLiteral("PRAGMA foreign_keys = ON"), {},
                            QStringLiteral("finishing the import"));
        }
    });

    bool stop = false;
    qint64 bytesBefore = 0;
    for (Source &source : *sources) {
        if (Status status = run.source(source, totalBytes, bytesBefore, stop); !status) {
            return status.error();
        }
        bytesBefore += source.size;
        if (stop) {
            break;
        }
    }
    if (Status status = run.finishStrict(stop); !status) {
        return status.error();
    }
    if (deferred) {
        if (progress) {
            progress(report.rowsRead, report.rowsRead, tr("Rebuilding the indexes"));
        }
        if (Status status = deferred->restore(); !status) {
            return status.error();
        }
    }
    if (stop && options.strict) {
        report.outcome = ImportReport::Outcome::RolledBack;
    }
    report.seconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
    return report;
}

} // namespace Gavel::Models
