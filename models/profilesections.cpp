#include "profilesections.h"

#include "contactvalidation.h"
#include "customeroverview.h"
#include "customerstore.h"
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
    // Checked afresh from the row, so that the export states the current rules' verdict.
    exporter.addSection(QStringLiteral("contactValidation"),
                        [](const Database &db, qint64 customerId, QDate) -> Result<QJsonValue> {
                            auto customer = CustomerStore(db).byId(customerId);
                            if (!customer) {
                                return customer.error();
                            }
                            return QJsonValue(contactValidationToJson(validateContacts(*customer)));
                        });
}

} // namespace Gavel::Models
