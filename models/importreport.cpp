#include "importreport.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QLocale>

namespace Gavel::Models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ImportReport", text);
}

QByteArray csvField(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r')) {
        utf8.replace("\"", "\"\"");
        return '"' + utf8 + '"';
    }
    return utf8;
}

QByteArray csvLine(const QStringList &fields)
{
    QByteArray line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            line += ',';
        }
        line += csvField(fields.at(i));
    }
    return line + "\r\n";
}

} // namespace

QString ImportReport::summary() const
{
    const QLocale locale;
    QString text = tr("%1 rows read: %2 new, %3 updated, %4 unchanged, %5 rejected.")
                       .arg(locale.toString(rowsRead), locale.toString(created), locale.toString(updated),
                            locale.toString(unchanged), locale.toString(rejected));
    switch (outcome) {
    case Outcome::Complete:
        break;
    case Outcome::CancelledAtBatch:
        text += u' ' +
                tr("Stopped: the rows up to line %1 are imported, the rows after it are not. Import the file again to "
                   "finish; rows already imported are left as they are.")
                    .arg(locale.toString(committedThroughLine));
        break;
    case Outcome::RolledBack:
        text += u' ' + tr("Nothing was imported: the database is as it was before.");
        break;
    }
    return text;
}

Status ImportReport::writeRejects(QIODevice &device) const
{
    bool manyFiles = false;
    for (const RejectedRow &row : rejects) {
        if (!rejects.isEmpty() && row.file != rejects.first().file) {
            manyFiles = true;
            break;
        }
    }
    QStringList heading;
    if (manyFiles) {
        heading << tr("File");
    }
    heading << tr("Row") << tr("Column") << tr("Reason") << headers;
    QByteArray out = "\xEF\xBB\xBF" + csvLine(heading);
    for (const RejectedRow &row : rejects) {
        QStringList fields;
        if (manyFiles) {
            fields << row.file;
        }
        fields << QString::number(row.line) << row.column << row.reason << row.values;
        out += csvLine(fields);
        if (out.size() > (1 << 20)) {
            if (device.write(out) != out.size()) {
                break;
            }
            out.clear();
        }
    }
    if (device.write(out) != out.size()) {
        return Error::make(ErrorKind::General, tr("The rejected rows could not be written."), device.errorString());
    }
    return {};
}

} // namespace Gavel::Models
