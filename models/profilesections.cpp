#include "profilesections.h"

#include "contactvalidation.h"
#include "customeroverview.h"
#include "customerstore.h"
#include "interestmodel.h"
#include "invoicetabdata.h"
#include "itemhistory.h"
#include "marketingdata.h"
#include "profileexporter.h"
#include "recommendationstore.h"

namespace Gavel::Models {

void addProfileSections(ProfileExporter &exporter)
{
    // The Overview's figures as of the export's day; RFM computed for that day.
    exporter.addSection(QStringLiteral("overview"),
                        [](const Database &database, qint64 customerId, QDate asOf) -> Result<QJsonValue> {
                            auto overview = CustomerOverview::load(database, customerId, asOf,
                                                                   CustomerOverview::RfmSource::Live);
                            if (!overview) {
                                return overview.error();
                            }
                            return QJsonValue(overview->toJson());
                        });
    // Checked afresh from the row, so that the export states the current rules' verdict.
    exporter.addSection(QStringLiteral("contactValidation"),
                        [](const Database &db, qint64 customerId, QDate) -> Result<QJsonValue> {
                            auto customer = CustomerStore(db).byId(customerId);
                            if (!customer) {
                                return customer.error();
                            }
                            return QJsonValue(contactValidationToJson(validateContacts(*customer)));
                        });
    // Every lot bid on, wishlisted or consigned, with how it ended for the customer.
    exporter.addSection(QStringLiteral("itemHistory"), [](const Database &database, qint64 customerId, QDate) {
        auto rows = ItemHistory::read(database, customerId, ItemHistory::Filter{}, ItemHistory::SortKey::SaleDate,
                                      Qt::AscendingOrder);
        return rows ? Result<QJsonValue>(ItemHistory::toJson(*rows)) : Result<QJsonValue>(rows.error());
    });
    // Interests: scores per department and category, tags with their states, recent categories.
    exporter.addSection(QStringLiteral("interests"), [](const Database &database, qint64 customerId, QDate asOf) {
        auto section = InterestModel::exportSection(database, customerId, asOf);
        return section ? Result<QJsonValue>(QJsonValue(*section)) : Result<QJsonValue>(section.error());
    });
    // The Invoices tab's favourite venues and abandoned basket (issue 10).
    exporter.addSection(QStringLiteral("purchasing"), [](const Database &database, qint64 customerId, QDate) {
        auto data = InvoiceTabData::load(database, customerId);
        return data ? Result<QJsonValue>(QJsonValue(data->toJson())) : Result<QJsonValue>(data.error());
    });
    // The Marketing tab's mailing summary, tags and subscription matrix (issue 10).
    exporter.addSection(QStringLiteral("marketing"), [](const Database &database, qint64 customerId, QDate) {
        auto data = MarketingData::load(database, customerId);
        return data ? Result<QJsonValue>(QJsonValue(data->toJson())) : Result<QJsonValue>(data.error());
    });
    // Recommendations (issue 9): the next sale's best lots for the customer as of the day.
    exporter.addSection(QStringLiteral("recommendations"), [](const Database &database, qint64 customerId, QDate asOf) {
        auto section = RecommendationStore(database).exportSection(customerId, asOf);
        return section ? Result<QJsonValue>(QJsonValue(*section)) : Result<QJsonValue>(section.error());
    });
}

} // namespace Gavel::Models
