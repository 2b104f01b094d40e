#include "transaction.h"

#include "sql.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

namespace Gavel::Models {

Transaction::Transaction(const QSqlDatabase &db, Kind kind) : m_db(db)
{
    const bool sqlite = m_db.driverName() == u"QSQLITE";
    QString begin;
    if (kind == Kind::Write) {
        begin = sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
    } else {
        begin = sqlite ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    }
    QSqlQuery query(m_db);
    if (query.exec(begin)) {
        m_active = true;
    } else {
        m_error = Sql::errorFrom(query.lastError(), QStringLiteral("starting a transaction"));
    }
}

Transaction::~Transaction()
{
    if (m_active) {
        rollback();
    }
}

Status Transaction::commit()
{
    if (!m_active) {
        return Error::make(ErrorKind::General, QStringLiteral("There is no open transaction to commit."));
    }
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("COMMIT"))) {
        const Error error = Sql::errorFrom(query.lastError(), QStringLiteral("saving the changes"));
        rollback();
        return error;
    }
    m_active = false;
    return {};
}

void Transaction::rollback()
{
    if (!m_active) {
        return;
    }
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK"));
    m_active = false;
}

} // namespace Gavel::Models
