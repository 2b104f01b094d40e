#include "profilesections.h"

#include "customeroverview.h"
#include "interestmodel.h"
#include "profileexporter.h"

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
    // Interests: scores per department and category, tags with their states, recent categories.
    exporter.addSection(QStringLiteral("interests"), [](const Database &database, qint64 customerId, QDate asOf) {
        auto section = InterestModel::exportSection(database, customerId, asOf);
        return section ? Result<QJsonValue>(QJsonValue(*section)) : Result<QJsonValue>(section.error());
    });
}

} // namespace Gavel::Models
