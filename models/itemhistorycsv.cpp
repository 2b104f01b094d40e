#include "itemhistorycsv.h"

#include "csvwriter.h"
#include "epoch.h"

#include <QCoreApplication>

namespace Gavel::Models {

namespace {

QString header(const char *text)
{
    return QCoreApplication::translate("ItemHistoryCsv", text);
}

} // namespace

QString ItemHistoryCsv::field(const QString &text)
{
    return CsvWriter::field(text);
}

QString ItemHistoryCsv::amount(const std::optional<qint64> &minor, const QString &currency)
{
    return CsvWriter::amount(minor, currency);
}

QByteArray ItemHistoryCsv::document(const QList<ItemHistory::Row> &rows)
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
    QList<QStringList> lines;
    lines.reserve(rows.size());
    for (const ItemHistory::Row &row : rows) {
        QStringList fields;
        const QDateTime saleAt = fromEpoch(row.saleStartsAt);
        const auto text = &CsvWriter::textField;
        fields << text(row.saleNo) << text(row.saleTitle)
               << (saleAt.isValid() ? saleAt.toLocalTime().date().toString(Qt::ISODate) : QString())
               << text(row.lotNo) << text(row.title) << text(row.maker) << text(row.department)
               << field(ItemHistory::kindsText(row.kinds, row.bidCount)) << field(row.currency)
               << amount(row.lowEstimate, row.currency) << amount(row.highEstimate, row.currency)
               << amount(row.topBid, row.currency) << QString::number(row.bidCount) << amount(row.hammer, row.currency)
               << field(ItemHistory::outcomeText(row.outcome)) << text(row.consignmentNo)
               << field(row.consignmentStatus.isEmpty() ? QString()
                                                        : ItemHistory::consignmentStatusText(row.consignmentStatus));
        lines << fields;
    }
    return CsvWriter::document(columns, lines);
}

Status ItemHistoryCsv::write(QIODevice &device, const QList<ItemHistory::Row> &rows)
{
    return CsvWriter::write(device, document(rows),
                            QCoreApplication::translate("ItemHistoryCsv", "The item history could not be written."));
}

Status ItemHistoryCsv::save(const QString &path, const QList<ItemHistory::Row> &rows)
{
    return CsvWriter::save(
        path, document(rows),
        QCoreApplication::translate("ItemHistoryCsv", "The item history could not be saved to “%1”: %2"));
}

} // namespace Gavel::Models
