#include "connectionspec.h"

#include <QDir>

namespace Gavel::Models {

ConnectionSpec ConnectionSpec::sqlite(const QString &path)
{
    ConnectionSpec spec;
    spec.engine = Engine::Sqlite;
    spec.sqlitePath = path;
    return spec;
}

namespace {

QString quoteValue(const QString &value)
{
    if (!value.isEmpty() && !value.contains(u' ') && !value.contains(u'\'') && !value.contains(u'\\')) {
        return value;
    }
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + escaped + u'\'';
}

} // namespace

Result<ConnectionSpec> ConnectionSpec::fromConninfo(const QString &conninfo)
{
    ConnectionSpec spec;
    spec.engine = Engine::Postgres;
    QStringList extras;

    const QString text = conninfo.trimmed();
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && text.at(i).isSpace()) {
            ++i;
        }
        if (i >= n) {
            break;
        }
        const qsizetype keyStart = i;
        while (i < n && text.at(i) != u'=' && !text.at(i).isSpace()) {
            ++i;
        }
        const QString key = text.mid(keyStart, i - keyStart);
        while (i < n && text.at(i).isSpace()) {
            ++i;
        }
        if (i >= n || text.at(i) != u'=') {
            return Error::make(ErrorKind::Invalid,
                               QStringLiteral("The PostgreSQL connection string is missing \"=\" after \"%1\".").arg(key));
        }
        ++i;
        while (i < n && text.at(i).isSpace()) {
            ++i;
        }
        QString value;
        if (i < n && text.at(i) == u'\'') {
            ++i;
            bool closed = false;
            while (i < n) {
                const QChar c = text.at(i);
                if (c == u'\\' && i + 1 < n) {
                    value += text.at(i + 1);
                    i += 2;
                    continue;
                }
                if (c == u'\'') {
                    closed = true;
                    ++i;
                    break;
                }
                value += c;
                ++i;
            }
            if (!closed) {
                return Error::make(ErrorKind::Invalid,
                                   QStringLiteral("The value of \"%1\" in the PostgreSQL connection string has no "
                                                  "closing quote.")
                                       .arg(key));
            }
        } else {
            const qsizetype valueStart = i;
            while (i < n && !text.at(i).isSpace()) {
                ++i;
            }
            value = text.mid(valueStart, i - valueStart);
        }

        if (key == u"host" || key == u"hostaddr") {
            spec.host = value;
        } else if (key == u"port") {
            bool ok = false;
            spec.port = value.toInt(&ok);
            if (!ok || spec.port <= 0 || spec.port > 65535) {
                return Error::make(ErrorKind::Invalid,
                                   QStringLiteral("\"%1\" is not a valid port in the PostgreSQL connection string.")
                                       .arg(value));
            }
        } else if (key == u"dbname") {
            spec.databaseName = value;
        } else if (key == u"user") {
            spec.user = value;
        } else if (key == u"password") {
            spec.password = value;
        } else {
            extras << key + u'=' + quoteValue(value);
        }
    }
    spec.extraOptions = extras.join(u' ');
    if (spec.databaseName.isEmpty()) {
        return Error::make(ErrorKind::Invalid,
                           QStringLiteral("The PostgreSQL connection string needs a database name (dbname=…)."));
    }
    return spec;
}

QString ConnectionSpec::describe() const
{
    if (engine == Engine::Sqlite) {
        return QDir::toNativeSeparators(sqlitePath);
    }
    QStringList parts;
    if (!host.isEmpty()) {
        parts << QStringLiteral("host=") + quoteValue(host);
    }
    parts << QStringLiteral("port=") + QString::number(port);
    parts << QStringLiteral("dbname=") + quoteValue(databaseName);
    if (!user.isEmpty()) {
        parts << QStringLiteral("user=") + quoteValue(user);
    }
    if (!extraOptions.isEmpty()) {
        parts << extraOptions;
    }
    return parts.join(u' ');
}

} // namespace Gavel::Models
