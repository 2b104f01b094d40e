#include "csvwriter.h"

#include "money.h"

#include <QDir>
#include <QSaveFile>

namespace Gavel::Models {

QString CsvWriter::field(const QString &text)
{
    const bool quote = text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r') ||
                       (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()));
    if (!quote) {
        return text;
    }
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString CsvWriter::textField(const QString &text)
{
    // A spreadsheet would run "=HYPERLINK(…)" as a formula.
    static const QString risky = QStringLiteral("=+-@\t\r");
    if (!text.isEmpty() && risky.contains(text.front())) {
        return field(u'\'' + text);
    }
    return field(text);
}

QString CsvWriter::amount(const std::optional<qint64> &minor, const QString &currency)
{
    if (!minor) {
        return {};
    }
    const int decimals = currencyDecimals(currency);
    qint64 scale = 1;
    for (int i = 0; i < decimals; ++i) {
        scale *= 10;
    }
    const qint64 value = *minor < 0 ? -*minor : *minor;
    QString text = QString::number(value / scale);
    if (decimals > 0) {
        text += u'.' + QStringLiteral("%1").arg(value % scale, decimals, 10, QLatin1Char('0'));
    }
    return *minor < 0 ? u'-' + text : text;
}

QByteArray CsvWriter::document(const QStringList &header, const QList<QStringList> &rows)
{
    QString text = QChar(0xFEFF);
    QStringList fields;
    for (const QString &column : header) {
        fields << field(column);
    }
    text += fields.join(u',') + QStringLiteral("\r\n");
    for (const QStringList &row : rows) {
        text += row.join(u',') + QStringLiteral("\r\n");
    }
    return text.toUtf8();
}

Status CsvWriter::write(QIODevice &device, const QByteArray &bytes, const QString &failed)
{
    if (device.write(bytes) != bytes.size()) {
        return Error::make(ErrorKind::General, failed, device.errorString());
    }
    return {};
}

Status CsvWriter::save(const QString &path, const QByteArray &bytes, const QString &failed)
{
    QSaveFile file(path);
    const auto failure = [&](const QString &reason) {
        return Error::make(ErrorKind::General, QString(failed).arg(QDir::toNativeSeparators(path), reason),
                           file.errorString());
    };
    if (!file.open(QIODevice::WriteOnly)) {
        return failure(file.errorString());
    }
    if (file.write(bytes) != bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return failure(reason);
    }
    if (!file.commit()) {
        return failure(file.errorString());
    }
    return {};
}

} // namespace Gavel::Models
