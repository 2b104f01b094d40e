#include "profilesections.h"

#include "profileexporter.h"

namespace Gavel::Models {

void addProfileSections(ProfileExporter &exporter)
{
    Q_UNUSED(exporter)
}

} // namespace Gavel::Models
