#include "customerimport.h"

#include "customer.h"
#include "database.h"
#include "importresolver.h"
#include "importvalues.h"
#include "labelstore.h"
#include "preparedstatements.h"
#include "sql.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QUuid>

namespace Gavel::Models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CustomerImport", text);
}

std::optional<QString> subscriptionStatus(const QString &text)
{
    const QString key = text.trimmed().toLower();
    if (key == u"subscribed" || key == u"yes" || key == u"opted in" || key == u"opt-in" || key == u"true" ||
        key == u"1" || key == u"active") {
        return QStringLiteral("subscribed");
    }
    if (key == u"unsubscribed" || key == u"no" || key == u"opted out" || key == u"opt-out" || key == u"false" ||
        key == u"0" || key == u"cleaned" || key == u"bounced") {
        return QStringLiteral("unsubscribed");
    }
    return std::nullopt;
}

} // namespace

QStringList splitImportList(const QString &cell)
{
    QStringList items;
    QString current;
    bool quoted = false;
    for (const QChar c : cell) {
        if (c == u'"') {
            quoted = !quoted;
        } else if (!quoted && (c == u',' || c == u';' || c == u'|')) {
            if (!current.trimmed().isEmpty()) {
                items << current.trimmed();
            }
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.trimmed().isEmpty()) {
        items << current.trimmed();
    }
    return items;
}

CustomerImport::CustomerImport(ImportSession &session)
    : m_session(session), m_merger(session.database, QStringLiteral("customers"), true, session.now),
      m_events(session.database), m_statements(session.database.connection())
{
    static const char *const plain[] = {"title",       "first_name",    "last_name",     "company", "phone",
                                        "sms_number",  "address_line1", "address_line2", "city",    "region",
                                        "postal_code", "country",       "language",      "source"};
    for (const char *key : plain) {
        if (const int f = field(key); f >= 0) {
            m_columns.append({f, QString::fromLatin1(key)});
        }
    }
    m_customerNo = field("customer_no");
    m_email = field("email");
    m_subscription = field("subscription");
    m_smsSubscription = field("sms_subscription");
    m_departments = field("departments");
    m_tags = field("tags");
    m_optin = field("optin_time");
    m_unsub = field("unsub_time");
    m_clean = field("clean_time");
    m_status = field("status");
}

Result<RowResult> CustomerImport::handle(const ImportRow &row)
{
    const QString customerNo = value(row, m_customerNo);
    const QString email = value(row, m_email).toLower();
    if (customerNo.isEmpty() && email.isEmpty()) {
        return RowResult::rejected(m_email >= 0 ? m_email : m_customerNo,
                                   tr("A customer needs a Customer ID or an e-mail address."));
    }
    if (!email.isEmpty() && !ImportValues::looksLikeEmail(email)) {
        return RowResult::rejected(m_email, tr("“%1” is not an e-mail address.").arg(value(row, m_email)));
    }

    // Everything is checked before anything is written, so a rejected row leaves no trace.
    QVariantMap values;
    if (!email.isEmpty()) {
        values.insert(QStringLiteral("email"), email);
    }
    for (const auto &[f, column] : std::as_const(m_columns)) {
        QString text = row.value(f);
        if (text.isEmpty()) {
            continue;
        }
        if (column == u"country") {
            text = text.toUpper();
            if (text.size() != 2 || !text.at(0).isLetter() || !text.at(1).isLetter()) {
                return RowResult::rejected(f, tr("“%1” is not a two-letter country code (GB, FR, US…).").arg(text));
            }
        }
        values.insert(column, text);
    }
    QVariantMap extras;
    QList<Subscription> subscriptions;
    const auto statusField = [&](int f, const QString &channel) -> std::optional<RowResult> {
        const QString text = value(row, f);
        if (text.isEmpty()) {
            return std::nullopt;
        }
        const auto status = subscriptionStatus(text);
        if (!status) {
            return RowResult::rejected(f,
                                       tr("“%1” is not a subscription status (subscribed or unsubscribed).").arg(text));
        }
        extras.insert(QStringLiteral("subscription_") + channel, *status);
        subscriptions.append({channel, *status, m_session.now});
        return std::nullopt;
    };
    if (auto rejected = statusField(m_subscription, QStringLiteral("email"))) {
        return *rejected;
    }
    if (auto rejected = statusField(m_smsSubscription, QStringLiteral("sms"))) {
        return *rejected;
    }

    // A Mailchimp file says its status by its name: subscribed, unsubscribed or cleaned.
    struct Moment
    {
        EventKind kind;
        qint64 at;
    };
    QList<Moment> moments;
    if (m_session.kind == ImportKind::Mailchimp) {
        const QString name = m_session.fileName.toLower();
        const QString explicitStatus = value(row, m_status).toLower();
        const QString kind = !explicitStatus.isEmpty() ? explicitStatus
                             : name.contains(u"unsub") ? QStringLiteral("unsubscribed")
                             : name.contains(u"clean") ? QStringLiteral("cleaned")
                                                       : QStringLiteral("subscribed");
        const auto timeOf = [&](int f, qint64 &out) -> std::optional<RowResult> {
            const QString text = value(row, f);
            if (text.isEmpty()) {
                return std::nullopt;
            }
            const auto at = ImportValues::dateTime(text);
            if (!at) {
                return RowResult::rejected(f, tr("“%1” is not a date and time.").arg(text));
            }
            out = *at;
            return std::nullopt;
        };
        qint64 optin = 0;
        qint64 unsub = 0;
        qint64 clean = 0;
        for (auto [f, out] : {std::pair{m_optin, &optin}, std::pair{m_unsub, &unsub}, std::pair{m_clean, &clean}}) {
            if (auto rejected = timeOf(f, *out)) {
                return *rejected;
            }
        }
        if (optin > 0) {
            moments.append({EventKind::Subscribed, optin});
        }
        if (kind == u"unsubscribed") {
            subscriptions.append(
                {QStringLiteral("email"), QStringLiteral("unsubscribed"), unsub > 0 ? unsub : m_session.now});
            if (unsub > 0) {
                moments.append({EventKind::Unsubscribed, unsub});
            }
        } else if (kind == u"cleaned") {
            subscriptions.append(
                {QStringLiteral("email"), QStringLiteral("unsubscribed"), clean > 0 ? clean : m_session.now});
            if (clean > 0) {
                moments.append({EventKind::EmailBounced, clean});
            }
        } else if (kind == u"subscribed") {
            subscriptions.append(
                {QStringLiteral("email"), QStringLiteral("subscribed"), optin > 0 ? optin : m_session.now});
        } else {
            return RowResult::rejected(m_status, tr("“%1” is not an audience status (subscribed, unsubscribed or "
                                                    "cleaned).")
                                                     .arg(kind));
        }
        extras.insert(QStringLiteral("subscription_email"), subscriptions.last().status);
    }

    QList<qint64> departments;
    const QString departmentText = value(row, m_departments);
    for (const QString &name : splitImportList(departmentText)) {
        auto department = m_session.resolver.department(name);
        if (!department) {
            return department.error();
        }
        if (*department == 0) {
            return RowResult::rejected(m_departments, tr("There is no department “%1”; import the departments and "
                                                         "categories first, or correct the name.")
                                                          .arg(name));
        }
        departments << *department;
    }
    if (!departmentText.isEmpty()) {
        extras.insert(QStringLiteral("departments"), departmentText);
    }
    const QString tagText = value(row, m_tags);
    if (!tagText.isEmpty()) {
        extras.insert(QStringLiteral("tags"), tagText);
    }

    qint64 id = 0;
    if (!customerNo.isEmpty()) {
        auto found = m_session.resolver.customer(customerNo);
        if (!found) {
            return found.error();
        }
        id = *found;
    } else {
        auto found = m_session.resolver.customer(email);
        if (!found) {
            return found.error();
        }
        id = *found;
    }

    RowResult result = RowResult::unchanged();
    QVariantMap before;
    if (id == 0) {
        auto created = create(customerNo, email, values);
        if (!created) {
            return created.error();
        }
        id = *created;
        QVariantMap remembered = values;
        remembered.insert(extras);
        if (Status status = m_merger.remember(id, remembered); !status) {
            return status.error();
        }
        result = RowResult::created();
    } else {
        auto previous = m_merger.previous(id);
        if (!previous) {
            return previous.error();
        }
        before = *previous;
        QStringList changed;
        auto merged = m_merger.merge(id, values, before, extras, id, &changed);
        if (!merged) {
            return merged.error();
        }
        if (*merged == ImportMerger::Change::Updated) {
            result = RowResult::updated();
            if (changed.contains(QStringLiteral("first_name")) || changed.contains(QStringLiteral("last_name")) ||
                changed.contains(QStringLiteral("company"))) {
                if (Status status = updateSortName(id); !status) {
                    return status.error();
                }
            }
        }
    }

    // Set-like fields: applied only when the file's value changed since the last import, so
    // a tag removed or a subscription changed in the app stays as staff left it.
    bool setChanged = false;
    for (const Subscription &subscription : std::as_const(subscriptions)) {
        if (ImportMerger::sameAsBefore(before, QStringLiteral("subscription_") + subscription.channel,
                                       subscription.status)) {
            continue;
        }
        if (Status status = subscribe(id, subscription); !status) {
            return status.error();
        }
        setChanged = true;
    }
    if (!departments.isEmpty() && !ImportMerger::sameAsBefore(before, QStringLiteral("departments"), departmentText)) {
        if (Status status = addDepartments(id, departments); !status) {
            return status.error();
        }
        setChanged = true;
    }
    if (!tagText.isEmpty() && !ImportMerger::sameAsBefore(before, QStringLiteral("tags"), tagText)) {
        if (Status status = addTags(id, splitImportList(tagText)); !status) {
            return status.error();
        }
        setChanged = true;
    }
    for (const Moment &moment : std::as_const(moments)) {
        if (Status status = m_events.add(id, moment.at, moment.kind, QStringLiteral("mailchimp"), {}); !status) {
            return status.error();
        }
    }
    if (setChanged && result.kind == RowResult::Kind::Unchanged) {
        result = RowResult::updated();
    }
    return result;
}

Result<qint64> CustomerImport::create(const QString &customerNo, const QString &email, const QVariantMap &values)
{
    // Without a Customer ID the number is derived from the e-mail, so the same person gets
    // the same number however often the file is imported.
    const QString number =
        !customerNo.isEmpty()
            ? customerNo
            : QStringLiteral("M-") +
                  QString::fromLatin1(
                      QCryptographicHash::hash(email.toUtf8(), QCryptographicHash::Sha1).toHex().left(10))
                      .toUpper();
    QStringList columns = {QStringLiteral("uuid"),      QStringLiteral("customer_no"), QStringLiteral("sort_name"),
                           QStringLiteral("source"),    QStringLiteral("created_at"),  QStringLiteral("updated_at"),
                           QStringLiteral("updated_by")};
    QVariantList bound = {QUuid::createUuid().toString(QUuid::WithoutBraces),
                          number,
                          Customer::sortNameFor(values.value(QStringLiteral("first_name")).toString(),
                                                values.value(QStringLiteral("last_name")).toString(),
                                                values.value(QStringLiteral("company")).toString()),
                          values.contains(QStringLiteral("source")) ? values.value(QStringLiteral("source"))
                          : m_session.kind == ImportKind::Mailchimp ? QStringLiteral("mailchimp")
                                                                    : QStringLiteral("import"),
                          m_session.now,
                          m_session.now,
                          m_session.actor};
    QStringList marks(columns.size(), QStringLiteral("?"));
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (it.key() == u"source") {
            continue;
        }
        columns << it.key();
        bound << it.value();
        marks << QStringLiteral("?");
    }
    auto inserted = m_statements.exec(QStringLiteral("INSERT INTO customers (%1) VALUES (%2)")
                                          .arg(columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))),
                                      bound, tr("adding customer %1").arg(number));
    if (!inserted) {
        return inserted.error();
    }
    auto id = m_statements.scalar(QStringLiteral("SELECT id FROM customers WHERE customer_no = ?"), {number},
                                  tr("adding customer %1").arg(number));
    if (!id) {
        return id.error();
    }
    m_session.resolver.rememberCustomer(number, email, id->toLongLong());
    return id->toLongLong();
}

Status CustomerImport::updateSortName(qint64 id)
{
    auto names = m_statements.exec(QStringLiteral("SELECT first_name, last_name, company FROM customers WHERE id = ?"),
                                   {id}, tr("updating the customer's name"));
    if (!names) {
        return names.error();
    }
    if (!(*names)->next()) {
        return {};
    }
    const QString sortName = Customer::sortNameFor((*names)->value(0).toString(), (*names)->value(1).toString(),
                                                   (*names)->value(2).toString());
    (*names)->finish();
    auto updated = m_statements.exec(QStringLiteral("UPDATE customers SET sort_name = ? WHERE id = ?"), {sortName, id},
                                     tr("updating the customer's name"));
    if (!updated) {
        return updated.error();
    }
    return {};
}

Status CustomerImport::subscribe(qint64 id, const Subscription &subscription)
{
    auto category = m_session.resolver.subscriptionCategory(QStringLiteral("newsletter"));
    if (!category) {
        return category.error();
    }
    if (*category == 0) {
        return {};
    }
    auto written = m_statements.exec(
        QStringLiteral(
            "INSERT INTO subscriptions (customer_id, channel, category_id, status, changed_at, source,"
            " updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (customer_id, channel, category_id) DO UPDATE SET status = excluded.status,"
            " changed_at = excluded.changed_at, source = excluded.source,"
            " version = subscriptions.version + 1, updated_at = excluded.updated_at,"
            " updated_by = excluded.updated_by"
            " WHERE subscriptions.status <> excluded.status AND subscriptions.changed_at <= excluded.changed_at"),
        {id, subscription.channel, *category, subscription.status, subscription.at,
         m_session.kind == ImportKind::Mailchimp ? QStringLiteral("mailchimp") : QStringLiteral("import"),
         m_session.now, m_session.actor},
        tr("saving the subscription"));
    if (!written) {
        return written.error();
    }
    return {};
}

Status CustomerImport::addDepartments(qint64 id, const QList<qint64> &departments)
{
    for (const qint64 department : departments) {
        auto added =
            m_statements.exec(QStringLiteral("INSERT INTO customer_departments (customer_id, department_id, source,"
                                             " added_at, added_by) VALUES (?, ?, 'import', ?, ?)"
                                             " ON CONFLICT DO NOTHING"),
                              {id, department, m_session.now, m_session.actor}, tr("adding the departments"));
        if (!added) {
            return added.error();
        }
    }
    return {};
}

Result<qint64> CustomerImport::labelFor(const QString &name)
{
    const QString key = LabelStore::nameKey(name);
    if (const auto found = m_labels.constFind(key); found != m_labels.constEnd()) {
        return *found;
    }
    const QSqlDatabase db = m_session.database.connection();
    auto existing = m_statements.scalar(QStringLiteral("SELECT id FROM labels WHERE name_key = ?"), {key},
                                        tr("looking up the tag “%1”").arg(name));
    if (!existing) {
        return existing.error();
    }
    if (existing->isNull()) {
        auto created = m_statements.exec(
            QStringLiteral("INSERT INTO labels (uuid, name, name_key, updated_at, updated_by)"
                           " VALUES (?, ?, ?, ?, ?)"),
            {QUuid::createUuid().toString(QUuid::WithoutBraces), name, key, m_session.now, m_session.actor},
            tr("adding the tag “%1”").arg(name));
        if (!created) {
            return created.error();
        }
        existing = m_statements.scalar(QStringLiteral("SELECT id FROM labels WHERE name_key = ?"), {key},
                                       tr("adding the tag “%1”").arg(name));
        if (!existing) {
            return existing.error();
        }
    }
    m_labels.insert(key, existing->toLongLong());
    return existing->toLongLong();
}

Status CustomerImport::addTags(qint64 id, const QStringList &tags)
{
    for (const QString &tag : tags) {
        auto label = labelFor(tag);
        if (!label) {
            return label.error();
        }
        auto added =
            m_statements.exec(QStringLiteral("INSERT INTO customer_labels (customer_id, label_id, added_at, added_by)"
                                             " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"),
                              {id, *label, m_session.now, m_session.actor}, tr("adding the tags"));
        if (!added) {
            return added.error();
        }
    }
    return {};
}

Result<qint64> CustomerImport::endBatch()
{
    auto flushed = m_events.flush();
    if (!flushed) {
        return flushed.error();
    }
    return qint64(0);
}

} // namespace Gavel::Models
