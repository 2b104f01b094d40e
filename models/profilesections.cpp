#include "profilesections.h"

#include "customeroverview.h"
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
}

} // namespace Gavel::Models
