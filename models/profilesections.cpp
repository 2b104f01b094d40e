#include "profilesections.h"

#include "contactvalidation.h"
#include "customerstore.h"
#include "profileexporter.h"

namespace Gavel::Models {

void addProfileSections(ProfileExporter &exporter)
{
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
