#include "settingsstore.h"

#include "auditstore.h"
#include "database.h"
#include "sql.h"
#include "transaction.h"

#include <QDateTime>

namespace Gavel::Models {

SettingsStore::SettingsStore(const Database &database) : m_db(database.connection()), m_actor(database.actor())
{
}

Result<QString> SettingsStore::value(const QString &key, const QString &defaultValue)
{
    auto stored = Sql::scalar(m_db, QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key},
                              QStringLiteral("reading the setting %1").arg(key));
    if (!stored) {
        return stored.error();
    }
    return stored->isNull() ? defaultValue : stored->toString();
}

Status SettingsStore::setValue(const QString &key, const QString &value)
{
    Transaction transaction(m_db);
    if (!transaction.isActive()) {
        return transaction.error();
    }
    auto previous = Sql::scalar(m_db, QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key},
                                QStringLiteral("reading the setting %1").arg(key));
    if (!previous) {
        return previous.error();
    }
    if (!previous->isNull() && previous->toString() == value) {
        return {};
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    auto written = Sql::exec(m_db,
                             QStringLiteral("INSERT INTO settings (key, value, version, updated_at, updated_by)"
                                            " VALUES (?, ?, 1, ?, ?) ON CONFLICT (key) DO UPDATE SET"
                                            " value = excluded.value, version = settings.version + 1,"
                                            " updated_at = excluded.updated_at, updated_by = excluded.updated_by"),
                             {key, value, now, m_actor}, QStringLiteral("saving the setting %1").arg(key));
    if (!written) {
        return written.error();
    }
    AuditStore audit(m_db);
    if (Status status = audit.record({0, {}, m_actor, QStringLiteral("setting"), 0, {}, 0,
                                      previous->isNull() ? QStringLiteral("create") : QStringLiteral("update"), key,
                                      previous->toString(), value});
        !status) {
        return status;
    }
    return transaction.commit();
}

QString SettingsStore::houseCurrency()
{
    auto currency = value(HouseCurrency, QStringLiteral("GBP"));
    return currency ? *currency : QStringLiteral("GBP");
}

} // namespace Gavel::Models
