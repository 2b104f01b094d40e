#pragma once

#include "customertag.h"
#include "interestmodel.h"
#include "result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Gavel::Models {

class Database;

/// A customer's tags (customer_tags) and their states. Derivation writes the strongest tags
/// of the interest model as optional rows and never touches the state of a row staff set,
/// so a removed tag stays removed. Every change staff make is checked against the state they
/// saw (someone else may have changed it meanwhile), versioned and audited.
class CustomerTagStore final
{
    Q_DECLARE_TR_FUNCTIONS(CustomerTagStore)

public:
    explicit CustomerTagStore(const Database &database);

    static constexpr int kMaxNameLength = 60;
    /// Who derived rows are updated by.
    static inline const QString DerivedBy = QStringLiteral("Gavel");
    /// The key tag names are compared by (tags.name_key): spacing simplified, case folded.
    static QString nameKey(const QString &name);

    /// The customer's stored tags: starred, active, optional, then removed; within a state
    /// the heaviest first, then by name.
    Result<QList<CustomerTag>> forCustomer(qint64 customerId);
    Result<std::optional<CustomerTag>> find(qint64 customerId, qint64 tagId);
    /// The tag called `name` (ignoring case and spacing), if there is one.
    Result<std::optional<qint64>> tagIdByName(const QString &name);

    /// Derives the customer's optional tags from `derived` (strongest first, as
    /// InterestModel::compute gives them): the first InterestModel::kDerivedTagCount become
    /// optional rows if the customer has no row for them, every row's weight follows the
    /// derived weight (0 when gone), and derived optional rows that fell out are deleted.
    /// States staff set are never changed. Returns whether anything was written.
    Result<bool> derive(qint64 customerId, const QList<TagWeight> &derived);

    /// Changes the state of the customer's tag from `expected` to `wanted` (nullopt: no row,
    /// for undoing a tag that was typed new). Fails with ErrorKind::Conflict, naming who and
    /// when, if the tag is no longer in the `expected` state.
    Status change(qint64 customerId, qint64 tagId, std::optional<TagState> expected,
                  std::optional<TagState> wanted);
    /// A tag staff typed: created if the house has no tag of that name, and made active for
    /// the customer (a starred or active tag stays as it is). Returns the change made.
    Result<TagChange> addTyped(qint64 customerId, const QString &name);
    /// Sets the state of a tag the customer has: `after` from the current state (conflict
    /// if it is not `before`). Returns the change, for undo.
    Result<TagChange> setState(qint64 customerId, qint64 tagId, std::optional<TagState> before, TagState after);

private:
    Status applyChange(qint64 customerId, qint64 tagId, std::optional<TagState> expected,
                       std::optional<TagState> wanted);
    Result<qint64> findOrCreateTag(const QString &name);

    QSqlDatabase m_db;
    QString m_actor;
};

} // namespace Gavel::Models
