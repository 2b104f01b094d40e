#include "customertagstore.h"

#include "auditstore.h"
#include "database.h"
#include "formatting.h"
#include "sql.h"
#include "transaction.h"

#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace Gavel::Models {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT ct.id, ct.tag_id, t.name, ct.state, ct.weight, ct.source, ct.version, ct.updated_at, ct.updated_by"
    " FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id");

CustomerTag readTag(const QSqlQuery &query)
{
    CustomerTag tag;
    tag.id = query.value(0).toLongLong();
    tag.tagId = query.value(1).toLongLong();
    tag.name = query.value(2).toString();
    tag.state = tagStateFromKey(query.value(3).toString()).value_or(TagState::Optional);
    tag.weight = query.value(4).toDouble();
    tag.source = query.value(5).toString();
    tag.version = query.value(6).toInt();
    tag.updatedAt = QDateTime::fromSecsSinceEpoch(query.value(7).toLongLong(), QTimeZone::utc());
    tag.updatedBy = query.value(8).toString();
    return tag;
}

int stateRank(TagState state)
{
    switch (state) {
    case TagState::Starred:
        return 0;
    case TagState::Active:
        return 1;
    case TagState::Optional:
        return 2;
    case TagState::Removed:
        return 3;
    }
    return 2;
}

QString stateWord(std::optional<TagState> state)
{
    if (!state) {
        return CustomerTagStore::tr("not among the customer's tags");
    }
    switch (*state) {
    case TagState::Optional:
        return CustomerTagStore::tr("suggested");
    case TagState::Active:
        return CustomerTagStore::tr("active");
    case TagState::Starred:
        return CustomerTagStore::tr("starred");
    case TagState::Removed:
        return CustomerTagStore::tr("removed");
    }
    return {};
}

} // namespace

CustomerTagStore::CustomerTagStore(const Database &database)
    : m_db(database.connection()), m_actor(database.actor())
{
}

QString CustomerTagStore::nameKey(const QString &name)
{
    return name.simplified().toCaseFolded();
}

Result<QList<CustomerTag>> CustomerTagStore::forCustomer(qint64 customerId)
{
    auto query = Sql::exec(m_db, kSelect + QStringLiteral(" WHERE ct.customer_id = ?"), {customerId},
                           QStringLiteral("reading the customer's tags"));
    if (!query) {
        return query.error();
    }
    QList<CustomerTag> tags;
    while (query->next()) {
        tags << readTag(*query);
    }
    std::sort(tags.begin(), tags.end(), [](const CustomerTag &a, const CustomerTag &b) {
        const int ra = stateRank(a.state);
        const int rb = stateRank(b.state);
        if (ra != rb) {
            return ra < rb;
        }
        if (a.weight != b.weight) {
            return a.weight > b.weight;
        }
        const int byName = QString::localeAwareCompare(a.name, b.name);
        return byName != 0 ? byName < 0 : a.tagId < b.tagId;
    });
    return tags;
}

Result<std::optional<CustomerTag>> CustomerTagStore::find(qint64 customerId, qint64 tagId)
{
    auto query = Sql::exec(m_db, kSelect + QStringLiteral(" WHERE ct.customer_id = ? AND ct.tag_id = ?"),
                           {customerId, tagId}, QStringLiteral("reading the customer's tag"));
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return std::optional<CustomerTag>();
    }
    return std::optional<CustomerTag>(readTag(*query));
}

Result<std::optional<qint64>> CustomerTagStore::tagIdByName(const QString &name)
{
    auto id = Sql::scalar(m_db, QStringLiteral("SELECT id FROM tags WHERE name_key = ?"), {nameKey(name)},
                          QStringLiteral("looking up the tag “%1”").arg(name.simplified()));
    if (!id) {
        return id.error();
    }
    return id->isNull() ? std::optional<qint64>() : std::optional<qint64>(id->toLongLong());
}

Result<bool> CustomerTagStore::derive(qint64 customerId, const QList<TagWeight> &derived)
{
    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        return transaction.error();
    }
    auto existing = Sql::exec(m_db,
                              QStringLiteral("SELECT tag_id, state, source, weight FROM customer_tags"
                                             " WHERE customer_id = ?"),
                              {customerId}, QStringLiteral("reading the customer's tags"));
    if (!existing) {
        return existing.error();
    }
    struct Row
    {
        QString state;
        QString source;
        double weight = 0;
    };
    std::map<qint64, Row> rows;
    while (existing->next()) {
        rows[existing->value(0).toLongLong()] = {existing->value(1).toString(), existing->value(2).toString(),
                                                 existing->value(3).toDouble()};
    }
    std::map<qint64, double> weights;
    std::set<qint64> kept;
    for (const TagWeight &tag : derived) {
        weights[tag.tagId] = tag.weight;
        if (static_cast<int>(kept.size()) < InterestModel::kDerivedTagCount) {
            kept.insert(tag.tagId);
        }
    }
    // Weights are stored rounded, so that deriving the same figures again writes nothing.
    const auto round = [](double w) { return std::round(w * 1e6) / 1e6; };
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    bool changed = false;
    for (const auto &[tagId, row] : rows) {
        const auto found = weights.find(tagId);
        const double weight = found != weights.end() ? round(found->second) : 0.0;
        if (row.state == u"optional" && row.source == u"derived" && !kept.count(tagId)) {
            auto removed = Sql::exec(m_db,
                                     QStringLiteral("DELETE FROM customer_tags WHERE customer_id = ? AND tag_id = ?"
                                                    " AND state = 'optional' AND source = 'derived'"),
                                     {customerId, tagId}, QStringLiteral("updating the customer's suggested tags"));
            if (!removed) {
                return removed.error();
            }
            changed = true;
        } else if (std::abs(row.weight - weight) > 1e-9) {
            // The weight is computed, not edited: it does not bump the version staff edit against.
            auto updated = Sql::exec(m_db,
                                     QStringLiteral("UPDATE customer_tags SET weight = ? WHERE customer_id = ?"
                                                    " AND tag_id = ?"),
                                     {weight, customerId, tagId}, QStringLiteral("updating the customer's tags"));
            if (!updated) {
                return updated.error();
            }
            changed = true;
        }
    }
    for (const qint64 tagId : kept) {
        if (rows.count(tagId)) {
            continue;
        }
        // Someone else deriving the same customer at this moment inserts the same row: theirs is kept.
        auto inserted = Sql::exec(m_db,
                                  QStringLiteral("INSERT INTO customer_tags (uuid, customer_id, tag_id, state, weight,"
                                                 " source, updated_at, updated_by)"
                                                 " VALUES (?, ?, ?, 'optional', ?, 'derived', ?, ?)"
                                                 " ON CONFLICT (customer_id, tag_id) DO NOTHING"),
                                  {QUuid::createUuid().toString(QUuid::WithoutBraces), customerId, tagId,
                                   round(weights[tagId]), now, DerivedBy},
                                  QStringLiteral("saving the customer's suggested tags"));
        if (!inserted) {
            return inserted.error();
        }
        changed = true;
    }
    if (Status status = transaction.commit(); !status) {
        return status.error();
    }
    return changed;
}

Status CustomerTagStore::change(qint64 customerId, qint64 tagId, std::optional<TagState> expected,
                                std::optional<TagState> wanted)
{
    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        return transaction.error();
    }
    if (Status status = applyChange(customerId, tagId, expected, wanted); !status) {
        return status;
    }
    return transaction.commit();
}

Result<TagChange> CustomerTagStore::setState(qint64 customerId, qint64 tagId, std::optional<TagState> before,
                                             TagState after)
{
    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        return transaction.error();
    }
    auto name = Sql::scalar(m_db, QStringLiteral("SELECT name FROM tags WHERE id = ?"), {tagId},
                            QStringLiteral("reading the tag"));
    if (!name) {
        return name.error();
    }
    if (Status status = applyChange(customerId, tagId, before, after); !status) {
        return status.error();
    }
    if (Status status = transaction.commit(); !status) {
        return status.error();
    }
    return TagChange{customerId, tagId, name->toString(), before, after};
}

Result<TagChange> CustomerTagStore::addTyped(qint64 customerId, const QString &name)
{
    const QString simplified = name.simplified();
    if (simplified.isEmpty()) {
        return Error::make(ErrorKind::Invalid, tr("A tag needs a name."));
    }
    if (simplified.size() > kMaxNameLength) {
        return Error::make(ErrorKind::Invalid, tr("A tag can be at most %1 characters long; “%2…” has %3.")
                                                   .arg(kMaxNameLength)
                                                   .arg(simplified.left(20))
                                                   .arg(simplified.size()));
    }
    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        return transaction.error();
    }
    auto customer = Sql::scalar(m_db, QStringLiteral("SELECT id FROM customers WHERE id = ?"), {customerId},
                                QStringLiteral("reading the customer"));
    if (!customer) {
        return customer.error();
    }
    if (customer->isNull()) {
        return Error::make(ErrorKind::NotFound,
                           tr("This customer no longer exists, so the tag “%1” was not added.").arg(simplified));
    }
    auto tagId = findOrCreateTag(simplified);
    if (!tagId) {
        return tagId.error();
    }
    auto current = find(customerId, *tagId);
    if (!current) {
        return current.error();
    }
    TagChange change{customerId, *tagId, *current ? (*current)->name : simplified, std::nullopt, TagState::Active};
    if (*current) {
        change.before = (*current)->state;
        if (change.before == TagState::Active || change.before == TagState::Starred) {
            change.after = change.before; // already theirs: nothing to do
        }
    }
    if (change.before != change.after) {
        if (Status status = applyChange(customerId, *tagId, change.before, change.after); !status) {
            return status.error();
        }
    }
    if (Status status = transaction.commit(); !status) {
        return status.error();
    }
    return change;
}

Result<qint64> CustomerTagStore::findOrCreateTag(const QString &name)
{
    auto existing = tagIdByName(name);
    if (!existing) {
        return existing.error();
    }
    if (*existing) {
        return **existing;
    }
    auto id = Sql::scalar(m_db,
                          QStringLiteral("INSERT INTO tags (name, name_key, kind) VALUES (?, ?, 'tag')"
                                         " ON CONFLICT (name_key) DO NOTHING RETURNING id"),
                          {name, nameKey(name)}, QStringLiteral("creating the tag “%1”").arg(name));
    if (!id) {
        return id.error();
    }
    if (!id->isNull()) {
        return id->toLongLong();
    }
    auto theirs = tagIdByName(name);
    if (!theirs) {
        return theirs.error();
    }
    if (!*theirs) {
        return Error::make(ErrorKind::Conflict, tr("The tag “%1” was changed by someone else just now; try again.")
                                                   .arg(name));
    }
    return **theirs;
}

Status CustomerTagStore::applyChange(qint64 customerId, qint64 tagId, std::optional<TagState> expected,
                                     std::optional<TagState> wanted)
{
    auto current = find(customerId, tagId);
    if (!current) {
        return current.error();
    }
    auto tagName = Sql::scalar(m_db, QStringLiteral("SELECT name FROM tags WHERE id = ?"), {tagId},
                               QStringLiteral("reading the tag"));
    if (!tagName) {
        return tagName.error();
    }
    if (tagName->isNull()) {
        return Error::make(ErrorKind::NotFound, tr("This tag no longer exists."));
    }
    const QString name = tagName->toString();
    const std::optional<TagState> now = *current ? std::optional<TagState>((*current)->state) : std::nullopt;
    if (now != expected) {
        if (!*current) {
            return Error::make(ErrorKind::Conflict,
                               tr("The tag “%1” is no longer among the customer's tags: someone else took it off "
                                  "just now.")
                                   .arg(name));
        }
        const CustomerTag &theirs = **current;
        return Error::make(ErrorKind::Conflict,
                           tr("%1 changed the tag “%2” at %3, after you saw it: it is %4 now, not %5.")
                               .arg(theirs.updatedBy.isEmpty() ? tr("Someone") : theirs.updatedBy, name,
                                    formatDateTime(theirs.updatedAt), stateWord(now), stateWord(expected)));
    }
    if (expected == wanted) {
        return {};
    }
    const qint64 at = QDateTime::currentSecsSinceEpoch();
    AuditStore audit(m_db);
    const QString what = tr("changing the tag “%1”").arg(name);
    if (!wanted) {
        const CustomerTag &row = **current;
        auto removed = Sql::exec(m_db, QStringLiteral("DELETE FROM customer_tags WHERE id = ? AND version = ?"),
                                 {row.id, row.version}, what);
        if (!removed) {
            return removed.error();
        }
        if (removed->numRowsAffected() != 1) {
            return Error::make(ErrorKind::Conflict,
                               tr("Someone else changed the tag “%1” at the same moment; look again.").arg(name));
        }
        return audit.record({0, {}, m_actor, QStringLiteral("customer_tag"), row.id, {}, customerId,
                             QStringLiteral("delete"), QStringLiteral("state"), name + QStringLiteral(": ") + tagStateKey(*expected),
                             {}});
    }
    if (!*current) {
        const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto id = Sql::scalar(m_db,
                              QStringLiteral("INSERT INTO customer_tags (uuid, customer_id, tag_id, state, weight,"
                                             " source, updated_at, updated_by) VALUES (?, ?, ?, ?, 0, 'staff', ?, ?)"
                                             " ON CONFLICT (customer_id, tag_id) DO NOTHING RETURNING id"),
                              {uuid, customerId, tagId, tagStateKey(*wanted), at, m_actor}, what);
        if (!id) {
            return id.error();
        }
        if (id->isNull()) {
            return Error::make(ErrorKind::Conflict,
                               tr("Someone else changed the tag “%1” at the same moment; look again.").arg(name));
        }
        return audit.record({0, {}, m_actor, QStringLiteral("customer_tag"), id->toLongLong(), uuid, customerId,
                             QStringLiteral("create"), QStringLiteral("state"), {},
                             name + QStringLiteral(": ") + tagStateKey(*wanted)});
    }
    const CustomerTag &row = **current;
    auto updated = Sql::exec(m_db,
                             QStringLiteral("UPDATE customer_tags SET state = ?, source = 'staff', version = version + 1,"
                                            " updated_at = ?, updated_by = ? WHERE id = ? AND version = ?"),
                             {tagStateKey(*wanted), at, m_actor, row.id, row.version}, what);
    if (!updated) {
        return updated.error();
    }
    if (updated->numRowsAffected() != 1) {
        return Error::make(ErrorKind::Conflict,
                           tr("Someone else changed the tag “%1” at the same moment; look again.").arg(name));
    }
    return audit.record({0, {}, m_actor, QStringLiteral("customer_tag"), row.id, {}, customerId,
                         QStringLiteral("update"), QStringLiteral("state"), name + QStringLiteral(": ") + tagStateKey(*expected),
                         name + QStringLiteral(": ") + tagStateKey(*wanted)});
}

} // namespace Gavel::Models
