#pragma once

#include "asof.h"
#include "result.h"

#include <QCoreApplication>
#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace Gavel::Models {

class Database;

/// A customer's RFM figures and scores as of a day.
struct RfmScore
{
    QDate asOf;
    qint64 recencyDays = 0;   ///< days from the last invoice to the as-of day
    qint64 frequency = 0;     ///< invoices
    qint64 monetaryMinor = 0; ///< their totals, house currency
    int r = 0;                ///< 1–5, 5 = most recent
    int f = 0;                ///< 1–5, 5 = most invoices
    int m = 0;                ///< 1–5, 5 = highest total
    QString segment;          ///< an RFM segment code ("best", "lost"…)

    /// "4-3-5"
    QString scoreText() const { return QStringLiteral("%1-%2-%3").arg(r).arg(f).arg(m); }
};

/// RFM (recency, frequency, monetary) scoring of customers by their invoices.
///
/// Who is scored: every customer with at least one invoice in the house currency that is
/// not cancelled and was issued by the end of the as-of day (invoices in other currencies
/// are not converted and do not count). Per customer: recency = days from the last such
/// invoice to the as-of day, frequency = how many, monetary = the sum of their totals.
///
/// The score of a value (tie-safe quintiles): with N customers scored and `below` of them
/// strictly worse on that measure (a lower frequency or total; more days since the last
/// invoice), score = 1 + floor(5 × below / N). Equal values have the same `below`, so they
/// always get the same score; a group of ties takes the score of the quintile its first
/// member falls in, so a large group can leave the scores above it empty (if 60 % bought
/// once, all of them get F 1 and the next frequency starts at F 4). With all values
/// distinct and N a multiple of 5, exactly a fifth get each score. In SQL, below is
/// RANK() − 1 (RANK gives ties the lowest rank), which both engines compute in one pass.
///
/// The segment is the first rule of rfmSegmentCodes() whose score ranges contain the
/// scores; every scored customer is in exactly one (see the README's "RFM segments").
class Rfm final
{
    Q_DECLARE_TR_FUNCTIONS(Rfm)

public:
    explicit Rfm(const Database &database);

    /// 1 + floor(5 × below / population), for 0 ≤ below < population.
    static int score(qint64 below, qint64 population);
    /// The segment code for these scores (1–5 each).
    static QString segmentFor(int r, int f, int m);
    /// Every segment code, in the order the rules are tried.
    static const QStringList &segmentCodes();
    /// What staff read: "Best buyers"; empty for an unknown code.
    static QString segmentName(const QString &code);
    /// The rule in words, with its score ranges.
    static QString segmentDescription(const QString &code);

    /// Scores every customer as of `asOf` and replaces the stored scores (customer_rfm) in
    /// two set-based statements. Returns how many customers were scored. Run it inside the
    /// caller's write Transaction, so readers see the old scores or the new, never none.
    Result<qint64> recompute(const AsOf &asOf, const QString &houseCurrency);

    /// The stored score of a customer (from the last recompute), or none.
    Result<std::optional<RfmScore>> stored(qint64 customerId);

    /// The score of one customer computed now, as of `asOf`, without writing anything (for
    /// exports as of a given day). Scans every customer's invoices once.
    Result<std::optional<RfmScore>> live(qint64 customerId, const AsOf &asOf, const QString &houseCurrency);

private:
    QSqlDatabase m_db;
};

} // namespace Gavel::Models
