#include "itemhistorycsv.h"

#include "epoch.h"
#include "money.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace Gavel::Models {

namespace {

QString header(const char *text)
{
    return QCoreApplication::translate("ItemHistoryCsv", text);
}

// Text a person typed or imported: a spreadsheet would run "=HYPERLINK(…)" as a formula.
QString textField(const QString &text)
{
    static const QString risky = QStringLiteral("=+-@\t\r");
    if (!text.isEmpty() && risky.contains(text.front())) {
        return ItemHistoryCsv::field(u'\'' + text);
    }
    return ItemHistoryCsv::field(text);
}

} // namespace

QString ItemHistoryCsv::field(const QString &text)
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

QString ItemHistoryCsv::amount(const std::optional<qint64> &minor, const QString &currency)
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

Status ItemHistoryCsv::write(QIODevice &device, const QList<ItemHistory::Row> &rows)
{
    const QStringList columns = {
        header("Sale number"),
        header("Sale"),
        header("Date"),
        header("Lot"),
        header("Title"),
        header("Maker"),
        header("Department"),
        header("Type"),
        header("Currency"),
        header("Low estimate"),
        header("High estimate"),
        header("Top bid"),
        header("Bids"),
        header("Hammer"),
        header("Result"),
        header("Consignment"),
        header("Consignment status"),
    };
    QString text = QChar(0xFEFF);
    QStringList fields;
    for (const QString &column : columns) {
        fields << field(column);
    }
    text += fields.join(u',') + QStringLiteral("\r\n");
    for (const ItemHistory::Row &row : rows) {
        fields.clear();
        const QDateTime saleAt = fromEpoch(row.saleStartsAt);
        fields << textField(row.saleNo) << textField(row.saleTitle)
               << (saleAt.isValid() ? saleAt.toLocalTime().date().toString(Qt::ISODate) : QString())
               << textField(row.lotNo) << textField(row.title) << textField(row.maker) << textField(row.department)
               << field(ItemHistory::kindsText(row.kinds, row.bidCount)) << field(row.currency)
               << amount(row.lowEstimate, row.currency) << amount(row.highEstimate, row.currency)
               << amount(row.topBid, row.currency) << QString::number(row.bidCount) << amount(row.hammer, row.currency)
               << field(ItemHistory::outcomeText(row.outcome)) << textField(row.consignmentNo)
               << field(row.consignmentStatus.isEmpty() ? QString()
                                                        : ItemHistory::consignmentStatusText(row.consignmentStatus));
        text += fields.join(u',') + QStringLiteral("\r\n");
    }
    const QByteArray bytes = text.toUtf8();
    if (device.write(bytes) != bytes.size()) {
        return Error::make(ErrorKind::General,
                           QCoreApplication::translate("ItemHistoryCsv", "The item history could not be written."),
                           device.errorString());
    }
    return {};
}

Status ItemHistoryCsv::save(const QString &path, const QList<ItemHistory::Row> &rows)
{
    QSaveFile file(path);
    const auto failed = [&](const QString &reason) {
        return Error::make(
            ErrorKind::General,
            QCoreApplication::translate("ItemHistoryCsv", "The item history could not be saved to “%1”: %2")
                .arg(QDir::toNativeSeparators(path), reason),
            file.errorString());
    };
    if (!file.open(QIODevice::WriteOnly)) {
        return failed(file.errorString());
    }
    if (Status status = write(file, rows); !status) {
        file.cancelWriting();
        return failed(status.error().detail);
    }
    if (!file.commit()) {
        return failed(file.errorString());
    }
    return {};
}

} // namespace Gavel::Models
